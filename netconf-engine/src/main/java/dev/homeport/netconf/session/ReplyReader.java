package dev.homeport.netconf.session;

/**
 * Reads the reply to one RPC straight from the message bytes, instead of the session parsing it into DOM first: for
 * replies so large that the DOM costs more than the result (get-config of a whole datastore). It runs on the
 * session's worker, like the DOM parse it replaces.
 *
 * <p>It is an optimization only: a reader that meets anything it does not fully handle (rpc-error, unexpected
 * content, malformed XML, data that does not fit) returns null, and the session handles the message exactly as
 * without a reader (parsed by {@code SafeXml}, malformed XML ending the session). What it returns becomes
 * {@link dev.homeport.netconf.message.RpcReply#readContent()}.
 */
@FunctionalInterface
public interface ReplyReader {
    /** The reply's content, or null to have the message parsed as usual. Must not throw. */
    Object read(byte[] message);
}
