import sys

from workshop_app.cli import main

sys.exit(main())
