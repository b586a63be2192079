package dev.homeport.netconf.schema;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate process that stores one module text into a module cache many times: {@code CACHE_DIR MODULE_FILE
 * NAME@REVISION TIMES}. Used by {@link ModuleCacheTest} to race several processes on one cache.
 */
public final class CacheWriterMain {
    private CacheWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        ModuleCache cache = new ModuleCache(Path.of(args[0]));
        String text = Files.readString(Path.of(args[1]));
        ModuleRef ref = ModuleRef.parse(args[2]);
        int times = Integer.parseInt(args[3]);
        for (int i = 0; i < times; i++) {
            cache.store(ref, text, "writer process");
        }
    }
}
