"""packaging/windows/PathfinderWorkshop.iss: Inno Setup runs on Windows only, so the script is
read here: it installs for the user alone, registers .workshop, and agrees with the program's
version and names and with build.spec."""

import re
from pathlib import Path

from workshop_app import APP_NAME, __version__

REPOSITORY = Path(__file__).resolve().parents[2]
SCRIPT = REPOSITORY / "packaging" / "windows" / "PathfinderWorkshop.iss"


def script() -> str:
    return SCRIPT.read_text(encoding="utf-8-sig")


def defines(text: str) -> dict[str, str]:
    """The preprocessor's #define values, the defaults of #ifndef ones included."""
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, flags=re.MULTILINE))


def expanded(text: str) -> str:
    names = defines(text)
    return re.sub(r"\{#(\w+)\}", lambda match: names[match.group(1)], text)


def section(text: str, name: str) -> list[str]:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, flags=re.MULTILINE | re.DOTALL)
    assert match, f"no [{name}] section"
    return [line for line in match.group(1).splitlines() if line.strip() and not line.startswith(";")]


def setup(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in section(text, "Setup"))


def test_version_and_names_agree_with_the_program_and_build_spec():
    text = script()
    names = defines(text)
    assert names["AppVersion"] == __version__  # the default; `iscc /DAppVersion=...` gives it too
    assert "#ifndef AppVersion" in text
    assert names["AppName"] == APP_NAME
    spec = (REPOSITORY / "build.spec").read_text()
    exe_name = re.search(r'EXE\(.*?name="([^"]+)"', spec, flags=re.DOTALL).group(1)
    folder_name = re.search(r'COLLECT\(.*?name="([^"]+)"', spec, flags=re.DOTALL).group(1)
    assert names["AppExeName"] == f"{exe_name}.exe"
    assert names["BundleDir"].replace("\\", "/").endswith(f"dist/{folder_name}")
    assert setup(expanded(text))["AppVersion"] == __version__


def test_it_installs_for_the_user_without_administrator_rights():
    values = setup(expanded(script()))
    assert values["PrivilegesRequired"] == "lowest"
    assert values["DefaultDirName"].startswith(("{userpf}", "{localappdata}"))
    assert values["ChangesAssociations"] == "yes"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", values["AppId"])


def unquoted(value: str) -> str:
    """An Inno Setup parameter: in double quotes, "" stands for one quote."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('""', '"')
    return value


def test_workshop_files_open_with_the_program_from_the_user_s_classes():
    text = expanded(script())
    registry = section(text, "Registry")
    assert all(line.startswith("Root: HKCU; Subkey: \"Software\\Classes\\") for line in registry)
    entries = {}
    for line in registry:
        fields = dict(re.findall(r'(\w+): ("(?:[^"]|"")*"|[^;]+)', line))
        key = unquoted(fields["Subkey"])
        entries.setdefault(key, []).append({name: unquoted(value) for name, value in fields.items()})
    progid = entries["Software\\Classes\\.workshop"][0]["ValueData"]
    command = entries[f"Software\\Classes\\{progid}\\shell\\open\\command"][0]["ValueData"]
    assert command == '"{app}\\PathfinderWorkshop.exe" "%1"'
    icon = entries[f"Software\\Classes\\{progid}\\DefaultIcon"][0]["ValueData"]
    assert icon == "{app}\\PathfinderWorkshop.exe,0"
    assert f"Software\\Classes\\{progid}" in entries


def test_the_installer_speaks_the_program_s_four_languages():
    text = script()
    languages = {line.split('"')[1] for line in section(text, "Languages")}
    assert languages == {"en", "fr", "es", "ar"}
    custom = dict(line.split("=", 1) for line in section(text, "CustomMessages"))
    assert {name.split(".")[0] for name in custom} == languages
    assert custom["fr.WorkshopFile"] != custom["en.WorkshopFile"]


def test_the_readme_says_the_installer_is_built_on_windows():
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    assert "packaging/windows/PathfinderWorkshop.iss" in readme
