// Every command prints numbers through the library's one formatter; a global using keeps that out of each command's
// own using list.
global using ReturnMonitor.Text;
