#!/bin/sh
# Install Pathfinder Workshop for the current user, from the one-folder bundle (`make bundle`):
# the program in the menus, .workshop files opening with it on a double-click, its icon.
# No administrator rights: everything goes under $XDG_DATA_HOME (default ~/.local/share).
#
#   install.sh [--in-place] BUNDLE     copy BUNDLE (the folder holding PathfinderWorkshop) into
#                                      $XDG_DATA_HOME/pathfinder-workshop/app and register it;
#                                      --in-place registers BUNDLE where it is instead (not on a
#                                      USB stick: the menu entry would break once it is removed)
#   install.sh --uninstall             remove what install.sh put there (workshops are kept)
set -eu

NAME=pathfinder-workshop
EXECUTABLE=PathfinderWorkshop
MIME_TYPE=application/x-pathfinder-workshop
PNG_SIZES="16 24 32 48 64 128 256 512"

here=$(cd "$(dirname "$0")" && pwd -P)

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 2; }

# The XDG base directory rules: an unset, empty or relative value means the default.
case "${XDG_DATA_HOME:-}" in
    /*) data=$XDG_DATA_HOME ;;
    *) [ -n "${HOME:-}" ] || fail "neither XDG_DATA_HOME nor HOME is set"; data=$HOME/.local/share ;;
esac
installed=$data/$NAME/app

refresh_desktop() {
    # Each cache is rebuilt when its tool is there; without them the desktop reads the files itself.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime" >/dev/null; fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" >/dev/null 2>&1 || true
    fi
    if [ -d "$data/icons/hicolor" ]; then
        touch "$data/icons/hicolor"  # the theme's time stamp tells icon caches to look again
        # A cache is kept up to date, never started: one that others do not update would hide
        # the icons they add later.
        if [ -f "$data/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache --force --ignore-theme-index --quiet "$data/icons/hicolor" 2>/dev/null || true
        fi
    fi
}

# The program's path as a desktop entry's Exec wants it: in double quotes, with \ " ` $ escaped
# by a backslash, doubled again by the entry's own string escaping. (A % would be written %%,
# which GLib's desktops then look for as such: such a path is refused below.)
exec_quoted() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\\\\\/g' -e 's/"/\\\\"/g' -e 's/`/\\\\`/g' \
        -e 's/\$/\\\\$/g')"
}

uninstall() {
    rm -f "$data/applications/$NAME.desktop" "$data/mime/packages/$NAME.xml" \
        "$data/icons/hicolor/scalable/apps/$NAME.svg"
    for size in $PNG_SIZES; do rm -f "$data/icons/hicolor/${size}x${size}/apps/$NAME.png"; done
    if [ -x "$installed/$EXECUTABLE" ]; then rm -rf "$installed"; fi
    rmdir "$data/$NAME" 2>/dev/null || true
    refresh_desktop
    say "Pathfinder Workshop is uninstalled (workshop files and settings are kept)."
}

in_place=no
bundle=
for argument in "$@"; do
    case "$argument" in
        --uninstall) uninstall; exit 0 ;;
        --in-place) in_place=yes ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) fail "unknown option $argument (see --help)" ;;
        *) [ -z "$bundle" ] || fail "one bundle folder only (see --help)"; bundle=$argument ;;
    esac
done
if [ -z "$bundle" ] && [ -x "$here/../../$EXECUTABLE" ]; then
    bundle=$here/../..  # this script as the bundle carries it, in packaging/linux
fi
[ -n "$bundle" ] || fail "name the bundle folder, the one holding $EXECUTABLE (see --help)"
[ -x "$bundle/$EXECUTABLE" ] || fail "$bundle: no $EXECUTABLE program in this folder (is it the bundle?)"
bundle=$(cd "$bundle" && pwd -P)
case "$bundle" in *'
'*) fail "the bundle's folder name holds a line break; move it to a plain folder name" ;; esac

# The icon as the bundle or the source tree holds it.
svg=
for candidate in "$bundle/_internal/resources/icons/app.svg" "$bundle/resources/icons/app.svg" \
        "$here/../../resources/icons/app.svg"; do
    if [ -f "$candidate" ]; then svg=$candidate; break; fi
done

if [ "$in_place" = yes ]; then program=$bundle; else program=$installed; fi
case "$program" in
    *%*) fail "$program: a folder name with % cannot be run from the menu; move the bundle to another folder" ;;
esac
if [ "$in_place" = yes ]; then
    if [ "$bundle" != "$installed" ] && [ -x "$installed/$EXECUTABLE" ]; then rm -rf "$installed"; fi
elif [ "$bundle" != "$installed" ]; then  # installing again from the installed copy: nothing to copy
    mkdir -p "$data/$NAME"
    rm -rf "$installed.new"
    cp -RP "$bundle" "$installed.new"
    rm -rf "$installed"
    mv "$installed.new" "$installed"
fi

mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
exec_line="Exec=$(exec_quoted "$program/$EXECUTABLE") %f"
# The entry's Exec names the program by its full path (the bundle is not on PATH).
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        Exec=*) printf '%s\n' "$exec_line" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$here/$NAME.desktop" > "$data/applications/$NAME.desktop"
cp "$here/$NAME.xml" "$data/mime/packages/$NAME.xml"
if [ -n "$svg" ]; then cp "$svg" "$data/icons/hicolor/scalable/apps/$NAME.svg"; fi
for size in $PNG_SIZES; do
    if [ -f "$here/../icons/${size}x${size}.png" ]; then
        mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
        cp "$here/../icons/${size}x${size}.png" "$data/icons/hicolor/${size}x${size}/apps/$NAME.png"
    fi
done
refresh_desktop
say "Pathfinder Workshop is installed: $program/$EXECUTABLE"
say "It is in the menu (Office), and opens $MIME_TYPE files (*.workshop) on a double-click."
