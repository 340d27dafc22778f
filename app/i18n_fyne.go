package app

import (
	"encoding/json"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// fyneStrings are the texts of Fyne's own widgets and dialogs (the file
// dialogs, the menu's Quit, entry menus, confirmations) by Fyne's keys, in
// each interface language. setLanguage registers them with ours: Fyne would
// otherwise look them up under the system's language only, so a Spanish
// interface on an English system (or the reverse) showed "Save File",
// "Cancel" and "(Parent)" in the other language.
var fyneStrings = map[locale.Lang]map[string]string{
	locale.ES: {
		"(Parent)": "(Subir)", "Advanced": "Avanzado", "Cancel": "Cancelar", "Confirm": "Confirmar",
		"Copy": "Copiar", "Create Folder": "Crear carpeta", "Cut": "Cortar", "Enter filename": "Escribe el nombre del archivo",
		"Error": "Error", "Favourites": "Favoritos", "File": "archivo", "Folder": "carpeta", "New Folder": "Nueva carpeta",
		"No": "No", "OK": "Aceptar", "Open": "Abrir", "Paste": "Pegar", "Quit": "Salir", "Redo": "Rehacer",
		"Save": "Guardar", "Select all": "Seleccionar todo", "Show Hidden Files": "Mostrar archivos ocultos",
		"Undo": "Deshacer", "Yes": "Sí", "file.name": "Nombre", "file.parent": "Carpeta superior",
	},
	locale.EN: {
		"(Parent)": "(Parent)", "Advanced": "Advanced", "Cancel": "Cancel", "Confirm": "Confirm",
		"Copy": "Copy", "Create Folder": "Create Folder", "Cut": "Cut", "Enter filename": "Enter filename",
		"Error": "Error", "Favourites": "Favourites", "File": "File", "Folder": "Folder", "New Folder": "New Folder",
		"No": "No", "OK": "OK", "Open": "Open", "Paste": "Paste", "Quit": "Quit", "Redo": "Redo",
		"Save": "Save", "Select all": "Select all", "Show Hidden Files": "Show Hidden Files",
		"Undo": "Undo", "Yes": "Yes", "file.name": "Name", "file.parent": "Parent",
	},
}

// withFyneStrings adds Fyne's texts in l to the translation file data.
func withFyneStrings(data []byte, l locale.Lang) ([]byte, error) {
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("reading the %s translations: %w", l, err)
	}
	for k, v := range fyneStrings[l] {
		if _, ours := m[k]; !ours {
			m[k] = v
		}
	}
	out, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("adding Fyne's %s texts: %w", l, err)
	}
	return out, nil
}
