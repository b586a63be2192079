package dev.homeport.netconf.framing;

/**
 * RFC 6242 message framing. Every session starts with end-of-message framing for the hello and switches to
 * chunked framing only when both hellos advertise base:1.1.
 */
public enum Framing {
    /** RFC 6242 section 4.3: messages end with {@code ]]>]]>}; base:1.0 peers and every hello. */
    END_OF_MESSAGE,
    /** RFC 6242 section 4.2: {@code \n#size\n data ... \n##\n}. */
    CHUNKED
}
