package dev.homeport.netconf;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.message.RpcReply;
import java.util.List;
import java.util.stream.Collectors;

/** The device answered with one or more rpc-error elements of severity error. */
public class RpcErrorException extends NetconfException {
    private static final long serialVersionUID = 1L;
    private final transient RpcReply reply;

    public RpcErrorException(RpcReply reply) {
        super(reply.errors().stream().map(RpcError::toString).collect(Collectors.joining("\n")));
        this.reply = reply;
    }

    public RpcReply reply() {
        return reply;
    }

    public List<RpcError> errors() {
        return reply.errors();
    }

    /** The first error, which is what callers usually branch on. */
    public RpcError first() {
        return reply.errors().get(0);
    }
}
