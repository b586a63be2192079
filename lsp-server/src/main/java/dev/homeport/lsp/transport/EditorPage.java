package dev.homeport.lsp.transport;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The browser editor of {@code homeport lsp --serve-editor}: a static page with Monaco and Monaco's own LSP client
 * (built by {@code lsp-server/editor-page} into this jar under {@value #RESOURCES}), served on the same Jetty server
 * as the WebSocket {@value WebSocketTransport#PATH} it talks to. Only the flat files of that folder are served;
 * anything else is 404.
 */
public final class EditorPage extends HttpServlet {
    static final String RESOURCES = "/dev/homeport/lsp/editor/";
    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "ttf", "font/ttf",
            "map", "application/json");

    /** Adds the page to a context of {@link WebSocketTransport} (pass as its content hook). */
    public static void addTo(ServletContextHandler context) {
        context.addServlet(new ServletHolder("homeport-editor", new EditorPage()), "/");
    }

    /** Whether this jar holds the built page (a build with the editor page skipped does not). */
    public static boolean available() {
        return EditorPage.class.getResource(RESOURCES + "index.html") != null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        InputStream in = ASSET_NAME.matcher(name).matches() && TYPES.containsKey(extension)
                ? EditorPage.class.getResourceAsStream(RESOURCES + name) : null;
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (in) {
            response.setContentType(TYPES.get(extension));
            response.setHeader("X-Content-Type-Options", "nosniff");
            // the page is only as new as the jar: a restarted server with a new jar must not serve a cached script
            response.setHeader("Cache-Control", "no-cache");
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }
}
