package dev.retlsetup.store;

import dev.retlsetup.source.Field;
import java.nio.file.Path;

/** Saves one source repeatedly: run as a separate process by {@link SourceStoreTest}. */
public final class StoreWriterProcess {
    private StoreWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        SourceStore store = new SourceStore(Path.of(args[0]));
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            store.save(SavedSource.of("shared", StoreTestSupport.input().with(Field.CATALOG, args[1] + "_" + i),
                    SecretStorage.none()));
            store.load("shared");
        }
    }
}
