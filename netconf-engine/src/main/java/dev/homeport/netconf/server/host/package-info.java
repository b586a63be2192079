/**
 * Transport hosts for simulated NETCONF devices: many {@link dev.homeport.netconf.server.NetconfEndpoint}s in one JVM,
 * listening and calling home (RFC 8071), on a bounded number of threads.
 *
 * <ul>
 *   <li>{@link dev.homeport.netconf.server.host.SshDeviceHost}: one MINA SSH server for every endpoint. A listening
 *       endpoint gets an acceptor of its own; call-home connections go out through one shared connector from the
 *       endpoint's source address. Each connection is bound to its endpoint before the key exchange, so it offers
 *       that endpoint's host key, lets that endpoint check logins, and hands it the "netconf" subsystem.</li>
 *   <li>{@link dev.homeport.netconf.server.host.CallHome}: one device calling one manager, transport-neutral:
 *       persistent or periodic (ietf-netconf-server's call-home connection types), exponential backoff with jitter,
 *       an attempt deadline, and an observable state (connecting, connected, waiting to retry or for the next
 *       period, stopped).</li>
 *   <li>{@link dev.homeport.netconf.server.host.CallHomePolicy} and
 *       {@link dev.homeport.netconf.server.host.KeepAlive}: the settings of a call home. Keep-alives are SSH global
 *       requests that want a reply, so a manager that went silent behind a live TCP path is noticed.</li>
 * </ul>
 *
 * <p>TLS (RFC 7589, and RFC 8071 call home over TLS) fits beside SSH without touching the above: a
 * {@code TlsDeviceHost} would own a JSSE {@code SSLContext} whose key manager picks the endpoint's certificate per
 * connection (listening: by the accepting socket; call home: by the connection it dialled), map the client
 * certificate to a user name (RFC 7589 cert-to-name) for {@code NetconfEndpoint.accept}, and implement
 * {@code CallHome.Dialer} for its outgoing connections; {@code CallHome}, {@code CallHomePolicy} and the
 * state listeners are shared as they are. Its keep-alive (TLS has none with a reply in JSSE) would be a
 * NETCONF-level probe, reported through the same {@code Attempt}.
 */
package dev.homeport.netconf.server.host;
