package dev.homeport.netconf.xml;

/**
 * Bounds applied to every XML document received from a peer.
 *
 * @param maxDepth deepest element nesting accepted; YANG data rarely nests beyond a few dozen levels
 */
public record XmlLimits(int maxDepth) {
    public static final XmlLimits DEFAULT = new XmlLimits(512);

    public XmlLimits {
        if (maxDepth < 8) {
            throw new IllegalArgumentException("maxDepth must be at least 8");
        }
    }
}
