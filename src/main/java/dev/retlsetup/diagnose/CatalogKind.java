package dev.retlsetup.diagnose;

import dev.retlsetup.source.SourceSettings;
import java.util.List;

/** Which GRANT dialect a catalog speaks. */
public enum CatalogKind {
    UNITY_CATALOG,
    HIVE_METASTORE;


    /** {@code hive_metastore} (or its alias {@code spark_catalog}) is legacy; anything else is Unity Catalog. */
    public static CatalogKind ofCatalog(String catalog) {
        if (catalog == null) {
            return UNITY_CATALOG;
        }
        String c = catalog.trim();
        return c.equalsIgnoreCase(SourceSettings.HIVE_METASTORE) || c.equalsIgnoreCase("spark_catalog")
                ? HIVE_METASTORE : UNITY_CATALOG;
    }

    /** The kind of the catalog an object name (catalog, schema or table) starts with. */
    public static CatalogKind ofObject(String objectName) {
        if (objectName == null || objectName.isBlank()) {
            return UNITY_CATALOG;
        }
        List<String> parts = SqlIdentifiers.parts(objectName);
        return parts.isEmpty() ? UNITY_CATALOG : ofCatalog(parts.get(0));
    }
}
