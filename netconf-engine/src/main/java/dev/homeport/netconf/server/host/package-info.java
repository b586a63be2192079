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
 *       requests that want a reply, so a manager that went silent behind a live TCP path is noticed; over TLS they are TCP
 *       keep-alives.</li>
 *   <li>{@link dev.homeport.netconf.server.host.TlsDeviceHost}: the same over NETCONF-over-TLS (RFC 7589), on
 *       blocking JSSE and virtual threads. Each endpoint has its own certificate; clients must present a certificate
 *       its {@code ClientTrust} accepts, mapped to a user name by {@code CertToName}. Call home dials TCP and then
 *       runs the TLS server on that connection (RFC 8071 section 4).</li>
 * </ul>
 *
 * <p>Both hosts keep their call homes in {@code CallHomes} and watch connections through {@code TrackedTransport}
 * (activity for the periodic idle timeout, the end of the connection).
 */
package dev.homeport.netconf.server.host;
