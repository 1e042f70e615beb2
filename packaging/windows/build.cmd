@echo off
rem Builds the Windows installer: target\jpackage\Databricks Reverse ETL Setup-<version>.msi
rem Needs: JDK 17 (JAVA_HOME, with jpackage), Maven 3.8+, WiX Toolset 3.x (candle.exe, light.exe on PATH).
rem The same command as on every OS; the pom picks packaging\windows\*.args on Windows.
setlocal
cd /d "%~dp0\..\.."
call mvn -B -Ppackage package %*
exit /b %ERRORLEVEL%
