@echo off
rem Builds the Windows installer: target\jpackage\Databricks Reverse ETL Setup-<version>.msi
rem Needs: a JDK 25 (JAVA_HOME, or pass -Dpackage.jdk=DIR), Maven 3.8+, WiX Toolset 3.x (candle.exe, light.exe on PATH).
rem The same command as on every OS; the pom picks packaging\windows\*.args on Windows.
setlocal
cd /d "%~dp0\..\.."
call mvn -B -Ppackage package %*
exit /b %ERRORLEVEL%
