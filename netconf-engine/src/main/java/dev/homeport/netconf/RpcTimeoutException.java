package dev.homeport.netconf;

/** No complete reply arrived within the RPC's timeout. The session itself stays open. */
public class RpcTimeoutException extends NetconfException {
    private static final long serialVersionUID = 1L;

    public RpcTimeoutException(String message) {
        super(message);
    }
}
