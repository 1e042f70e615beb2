package dev.retlsetup.ui.steps;

import dev.retlsetup.diagnose.SqlIdentifiers;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.SchemaList;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The catalog and schema pickers on the SQL warehouse page: {@code SHOW CATALOGS} on the warehouse of
 * the HTTP path, then {@code SHOW SCHEMAS IN} the chosen catalog. Choosing a catalog fills the catalog
 * field; choosing schemas (several at once) fills the schemas field, each as {@code catalog.schema}.
 */
public final class CatalogPickerViewModel {
    private final SourceForm form;
    private final ListAccess access;
    private final PickerList<String> catalogs;
    private final PickerList<String> schemas;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);
    /** The catalog whose schemas the schema list shows. */
    private final StringProperty schemasOf = new SimpleStringProperty(this, "schemasOf", "");
    /** What the last choice filled in, said under the fields. */
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    public CatalogPickerViewModel(SourceForm form, ListAccess access, Background background) {
        this.form = form;
        this.access = access;
        this.catalogs = new PickerList<>(background);
        this.schemas = new PickerList<>(background);
        form.field(Field.HOST).addListener((obs, old, now) -> close());
        form.field(Field.HTTP_PATH).addListener((obs, old, now) -> close());
    }

    public BooleanBinding availableProperty() {
        return access.availableProperty();
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public PickerList<String> catalogs() {
        return catalogs;
    }

    public PickerList<String> schemas() {
        return schemas;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty schemasOfProperty() {
        return schemasOf;
    }

    /** Shows the picker and reads the catalogs. */
    public void load() {
        open.set(true);
        note.set("");
        schemas.clear();
        schemasOf.set("");
        catalogs.load(access.open(), access.who(), lists -> lists.catalogs(), "picker.catalogs.loading",
                "picker.catalogs.done", "picker.catalogs.empty");
    }

    /** Fills the catalog field and lists that catalog's schemas. */
    public void chooseCatalog(String catalog) {
        if (catalog == null || catalog.isBlank()) {
            return;
        }
        if (!catalog.equals(form.field(Field.CATALOG).get())) {
            form.field(Field.CATALOG).set(catalog);
            note.set(Messages.UI.text("picker.catalogs.chosen", catalog));
        }
        loadSchemas(catalog);
    }

    private void loadSchemas(String catalog) {
        schemasOf.set(catalog);
        schemas.load(access.open(), access.who(), lists -> lists.schemas(catalog), "picker.schemas.loading",
                "picker.schemas.done", "picker.schemas.empty");
    }

    /** Fills the schemas field with the chosen schemas of the listed catalog, and closes the picker. */
    public void chooseSchemas(List<String> chosen) {
        String catalog = schemasOf.get();
        if (chosen == null || chosen.isEmpty() || catalog.isBlank()) {
            return;
        }
        String text = SchemaList.join(chosen.stream().map(s -> SqlIdentifiers.qualified(catalog, s)).toList());
        form.field(Field.SCHEMAS).set(text);
        close();
        note.set(Messages.UI.text("picker.schemas.chosen", text));
    }

    public void close() {
        catalogs.clear();
        schemas.clear();
        schemasOf.set("");
        open.set(false);
    }
}
