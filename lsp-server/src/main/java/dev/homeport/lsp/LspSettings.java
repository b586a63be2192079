package dev.homeport.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.homeport.yang.feature.DiagnosticSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's settings under {@code homeport.yang}, as {@code workspace/didChangeConfiguration} or the
 * initialization options send them:
 * <pre>
 * { "homeport": { "yang": {
 *     "path": ["~/yang", "${env:YANG_MODULES}/ietf.zip"],   module search path (folders, .zip, .jar)
 *     "diagnostics": { "unused-import": "off", "RFC8407-prefix": "info" },   severity per code
 *     "moduleCache": "/some/folder",   the engine's module cache (default: its own default location)
 *     "useModuleCache": true,          whether the cache is on the search path
 *     "format": { "canonicalOrder": false }   formatting also puts statements into RFC 7950 order
 * } } }
 * </pre>
 * Dotted keys ({@code "homeport.yang.path": [...]}) and the {@code yang} object alone are understood too, since
 * clients differ in how they send sections. What cannot be read is collected in {@link #problems()} and reported
 * to the user; the rest still applies.
 */
public record LspSettings(List<String> path, DiagnosticSettings diagnostics, Optional<String> moduleCache,
                          boolean useModuleCache, boolean canonicalOrder, List<String> problems) {

    public static final LspSettings DEFAULTS = new LspSettings(List.of(), DiagnosticSettings.DEFAULTS,
            Optional.empty(), true, false, List.of());

    public LspSettings {
        path = List.copyOf(path);
        problems = List.copyOf(problems);
    }

    public LspSettings(List<String> path, DiagnosticSettings diagnostics, Optional<String> moduleCache,
                       boolean useModuleCache, List<String> problems) {
        this(path, diagnostics, moduleCache, useModuleCache, false, problems);
    }

    /** Reads settings from a JSON value (Gson tree as LSP4J delivers it, or null: no settings). */
    public static LspSettings from(Object settings) {
        if (!(settings instanceof JsonElement json) || !json.isJsonObject()) {
            return DEFAULTS;
        }
        JsonObject yang = section(json.getAsJsonObject());
        if (yang == null) {
            return DEFAULTS;
        }
        List<String> problems = new ArrayList<>();
        List<String> path = new ArrayList<>();
        JsonElement p = yang.get("path");
        if (p != null && !p.isJsonNull()) {
            if (p.isJsonArray()) {
                for (JsonElement e : p.getAsJsonArray()) {
                    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                        path.add(e.getAsString());
                    } else {
                        problems.add("homeport.yang.path: entries must be strings, not " + e);
                    }
                }
            } else if (p.isJsonPrimitive() && p.getAsJsonPrimitive().isString()) {
                path.add(p.getAsString());
            } else {
                problems.add("homeport.yang.path must be a list of folders, .zip or .jar files, not " + p);
            }
        }
        DiagnosticSettings diagnostics = DiagnosticSettings.DEFAULTS;
        JsonElement d = yang.get("diagnostics");
        if (d != null && !d.isJsonNull()) {
            if (d.isJsonObject()) {
                Map<String, String> levels = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> e : d.getAsJsonObject().entrySet()) {
                    if (e.getValue().isJsonPrimitive()) {
                        levels.put(e.getKey(), e.getValue().getAsString());
                    } else {
                        problems.add("homeport.yang.diagnostics." + e.getKey() + " must be error, warning, info or off");
                    }
                }
                diagnostics = parseLevels(levels, problems);
            } else {
                problems.add("homeport.yang.diagnostics must map diagnostic codes to error, warning, info or off");
            }
        }
        Optional<String> cache = Optional.empty();
        JsonElement c = yang.get("moduleCache");
        if (c != null && !c.isJsonNull()) {
            if (c.isJsonPrimitive() && c.getAsJsonPrimitive().isString() && !c.getAsString().isBlank()) {
                cache = Optional.of(c.getAsString());
            } else {
                problems.add("homeport.yang.moduleCache must be a folder name, not " + c);
            }
        }
        boolean useCache = true;
        JsonElement u = yang.get("useModuleCache");
        if (u != null && !u.isJsonNull()) {
            if (u.isJsonPrimitive() && u.getAsJsonPrimitive().isBoolean()) {
                useCache = u.getAsBoolean();
            } else {
                problems.add("homeport.yang.useModuleCache must be true or false, not " + u);
            }
        }
        boolean canonicalOrder = false;
        JsonElement f = yang.get("format");
        if (f != null && !f.isJsonNull()) {
            JsonElement o = f.isJsonObject() ? f.getAsJsonObject().get("canonicalOrder") : null;
            if (!f.isJsonObject()) {
                problems.add("homeport.yang.format must be an object such as {\"canonicalOrder\": true}, not " + f);
            } else if (o != null && !o.isJsonNull()) {
                if (o.isJsonPrimitive() && o.getAsJsonPrimitive().isBoolean()) {
                    canonicalOrder = o.getAsBoolean();
                } else {
                    problems.add("homeport.yang.format.canonicalOrder must be true or false, not " + o);
                }
            }
        }
        return new LspSettings(path, diagnostics, cache, useCache, canonicalOrder, problems);
    }

    /** Every level that parses; each bad code or level becomes one problem instead of dropping all of them. */
    private static DiagnosticSettings parseLevels(Map<String, String> levels, List<String> problems) {
        DiagnosticSettings out = DiagnosticSettings.DEFAULTS;
        for (Map.Entry<String, String> e : levels.entrySet()) {
            try {
                DiagnosticSettings one = DiagnosticSettings.parse(Map.of(e.getKey(), e.getValue()));
                out = out.with(e.getKey(), one.levels().get(e.getKey()));
            } catch (IllegalArgumentException ex) {
                problems.add("homeport.yang.diagnostics: " + ex.getMessage());
            }
        }
        return out;
    }

    /** The {@code yang} object wherever the client put it. */
    private static JsonObject section(JsonObject root) {
        JsonObject homeport = object(root.get("homeport"));
        if (homeport != null && object(homeport.get("yang")) != null) {
            return object(homeport.get("yang"));
        }
        if (object(root.get("homeport.yang")) != null) {
            return object(root.get("homeport.yang"));
        }
        if (object(root.get("yang")) != null) {
            return object(root.get("yang"));
        }
        JsonObject dotted = new JsonObject();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().startsWith("homeport.yang.")) {
                String key = e.getKey().substring("homeport.yang.".length());
                if (key.startsWith("format.")) { // "homeport.yang.format.canonicalOrder": true
                    JsonObject format = dotted.has("format") && dotted.get("format").isJsonObject()
                            ? dotted.getAsJsonObject("format") : new JsonObject();
                    format.add(key.substring("format.".length()), e.getValue());
                    dotted.add("format", format);
                } else {
                    dotted.add(key, e.getValue());
                }
            }
        }
        if (dotted.size() > 0) {
            return dotted;
        }
        // the client sent the section's content itself (workspace/configuration with section "homeport.yang")
        for (String key : List.of("path", "diagnostics", "moduleCache", "useModuleCache", "format")) {
            if (root.has(key)) {
                return root;
            }
        }
        return null;
    }

    private static JsonObject object(JsonElement e) {
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    /** Settings as JSON, for tests and clients that build them in Java. */
    public static JsonObject json(List<String> path, Map<String, String> diagnostics) {
        JsonObject yang = new JsonObject();
        JsonArray p = new JsonArray();
        path.forEach(e -> p.add(new JsonPrimitive(e)));
        yang.add("path", p);
        JsonObject d = new JsonObject();
        diagnostics.forEach((k, v) -> d.add(k, new JsonPrimitive(v)));
        yang.add("diagnostics", d);
        JsonObject homeport = new JsonObject();
        homeport.add("yang", yang);
        JsonObject root = new JsonObject();
        root.add("homeport", homeport);
        return root;
    }
}
