; The Windows installer of Pathfinder Workshop, for Inno Setup 6.5 or newer (the first to ship
; Arabic.isl). It installs the one-folder bundle (dist\PathfinderWorkshop, built on Windows with
; `pyinstaller build.spec`) for the current user only, without administrator rights, as on a
; borrowed laptop, and makes .workshop files open with the program on a double-click.
; Inno Setup runs on Windows only: the script is not built on Linux, and
; tests/packaging/test_windows_installer.py checks that its version and names agree with the
; program's. Build it from the repository's folder, giving the program's version:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\PathfinderWorkshop.iss
;
; The default below is the version of workshop_app/__init__.py (the test keeps them equal).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\PathfinderWorkshop"
#endif
#define AppName "Pathfinder Workshop"
#define AppExeName "PathfinderWorkshop.exe"
#define FileClass "PathfinderWorkshop.workshop"

[Setup]
; One AppId for every version: a newer version installs over an older one.
AppId={{95FE0000-8B99-4FC8-9103-02C859C51276}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ChangesAssociations=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExeName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=PathfinderWorkshop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "ar"; MessagesFile: "compiler:Languages\Arabic.isl"

[CustomMessages]
en.WorkshopFile=Pathfinder Workshop file
fr.WorkshopFile=Fichier d'atelier Pathfinder Workshop
es.WorkshopFile=Archivo de taller de Pathfinder Workshop
ar.WorkshopFile=ملف ورشة عمل Pathfinder Workshop

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's libraries: a newer bundle may no longer hold some of them.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; .workshop files open with the program: for this user, under HKCU\Software\Classes. A second
; double-click while the program runs opens the file in its window (the program sees to that).
Root: HKCU; Subkey: "Software\Classes\.workshop"; ValueType: string; ValueName: ""; ValueData: "{#FileClass}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.workshop\OpenWithProgids"; ValueType: string; ValueName: "{#FileClass}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#FileClass}"; ValueType: string; ValueName: ""; ValueData: "{cm:WorkshopFile}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#FileClass}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKCU; Subkey: "Software\Classes\{#FileClass}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".workshop"; ValueData: ""

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
