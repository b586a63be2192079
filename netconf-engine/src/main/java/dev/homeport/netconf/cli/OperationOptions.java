package dev.homeport.netconf.cli;

import dev.homeport.netconf.message.WithDefaultsMode;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.session.MessageTrace;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The OP of {@code connect} and {@code listen}, in the habits of netconf-console, with its modifiers and the session
 * flags. {@link #prepare} checks the combination and reads every input file before any connection is made.
 */
public final class OperationOptions {

    @ArgGroup(validate = false, order = 1, heading = "%nOperation (one; --edit-config may be followed by --commit or "
            + "--confirmed-commit, and wrapped in --lock):%n")
    Ops ops = new Ops();

    @ArgGroup(validate = false, order = 2, heading = "%nOperation options:%n")
    Modifiers mod = new Modifiers();

    @ArgGroup(validate = false, order = 3, heading = "%nSession:%n")
    SessionFlags session = new SessionFlags();

    static final class Ops {
        @Option(names = "--hello", order = 1, description = "Print the device's hello: capabilities and session-id.")
        boolean hello;

        @Option(names = "--get", order = 2, description = "<get>: configuration and state data.")
        boolean get;

        @Option(names = "--get-config", order = 3, description = "<get-config> of --source (default running).")
        boolean getConfig;

        @Option(names = "--edit-config", order = 4, paramLabel = "FILE",
                description = "<edit-config> with the content of FILE ('-' for stdin; a <config> root is optional) "
                        + "into --target.")
        String editConfig;

        @Option(names = "--commit", order = 5,
                description = "<commit> the candidate (with --persist-id: confirm a persistent confirmed commit).")
        boolean commit;

        @Option(names = "--confirmed-commit", order = 6, paramLabel = "SECONDS",
                description = "Confirmed <commit>, rolled back after SECONDS unless confirmed with --commit "
                        + "--persist-id (printed on stderr).")
        Integer confirmedCommit;

        @Option(names = "--cancel-commit", order = 7,
                description = "<cancel-commit>: roll back a pending confirmed commit (with --persist-id).")
        boolean cancelCommit;

        @Option(names = {"--discard", "--discard-changes"}, order = 8,
                description = "<discard-changes>: revert the candidate to running.")
        boolean discard;

        @Option(names = "--validate", order = 9, description = "<validate> --source (default candidate).")
        boolean validate;

        @Option(names = "--lock", order = 10, paramLabel = "DATASTORE",
                description = "<lock> DATASTORE; alone it is released at once (a check that nobody holds it), with "
                        + "--edit-config it is held around the edit and commit.")
        String lock;

        @Option(names = "--get-schema", order = 11, paramLabel = "NAME",
                description = "<get-schema>: print the YANG module NAME.")
        String getSchema;

        @Option(names = "--rpc", order = 12, paramLabel = "FILE",
                description = "Send the RPC in FILE ('-' for stdin): the operation element or a whole <rpc>.")
        String rpc;

        @Option(names = "--subscribe", order = 13,
                description = "<create-subscription>, then print notifications as they arrive (until --count or "
                        + "Ctrl-C).")
        boolean subscribe;
    }

    static final class Modifiers {
        @Option(names = {"-x", "--filter"}, order = 20, paramLabel = "XPATH",
                description = "XPath filter for --get, --get-config, --subscribe. Prefixes that name a module of "
                        + "the device are bound to its namespace; others with --ns.")
        String xpath;

        @Option(names = "--ns", order = 21, paramLabel = "PREFIX=URI",
                description = "Namespace of a prefix used in --filter (repeatable).")
        Map<String, String> namespaces = new LinkedHashMap<>();

        @Option(names = "--subtree", order = 22, paramLabel = "FILE",
                description = "Subtree filter (the selection XML in FILE) for --get, --get-config, --subscribe.")
        String subtree;

        @Option(names = "--source", order = 23, paramLabel = "DATASTORE",
                description = "running, candidate, startup (or a URL) for --get-config and --validate.")
        String source;

        @Option(names = "--target", order = 24, paramLabel = "DATASTORE",
                description = "Datastore for --edit-config (default: candidate with --commit, else running if "
                        + "writable, else candidate).")
        String target;

        @Option(names = "--with-defaults", order = 25, paramLabel = "MODE",
                description = "RFC 6243 mode for --get, --get-config: report-all, report-all-tagged, trim, explicit.")
        String withDefaults;

        @Option(names = "--persist", order = 26, paramLabel = "ID",
                description = "Persist token of --confirmed-commit (default: a random one, when the device has "
                        + ":confirmed-commit:1.1).")
        String persist;

        @Option(names = "--persist-id", order = 27, paramLabel = "ID",
                description = "Token of the confirmed commit that --commit confirms or --cancel-commit cancels.")
        String persistId;

        @Option(names = "--stream", order = 28, paramLabel = "NAME",
                description = "Notification stream for --subscribe (default NETCONF).")
        String stream;

        @Option(names = "--count", order = 29, paramLabel = "N",
                description = "Stop --subscribe after N notifications.")
        Integer count;
    }

    static final class SessionFlags {
        @Option(names = "--timeout", order = 40, paramLabel = "SECONDS", defaultValue = "60",
                description = "Wait this long for the hello and for each reply (default ${DEFAULT-VALUE}).")
        int timeoutSeconds = 60;

        @Option(names = "--trace", order = 41,
                description = "Print every NETCONF message sent and received on stderr (secrets redacted).")
        boolean trace;
    }

    /** Checks the options, reads input files and returns what to run. */
    Operation prepare(CommandIo io) throws UsageException {
        List<String> chosen = new ArrayList<>();
        addIf(chosen, ops.hello, "--hello");
        addIf(chosen, ops.get, "--get");
        addIf(chosen, ops.getConfig, "--get-config");
        addIf(chosen, ops.editConfig != null, "--edit-config");
        addIf(chosen, ops.commit, "--commit");
        addIf(chosen, ops.confirmedCommit != null, "--confirmed-commit");
        addIf(chosen, ops.cancelCommit, "--cancel-commit");
        addIf(chosen, ops.discard, "--discard");
        addIf(chosen, ops.validate, "--validate");
        addIf(chosen, ops.lock != null, "--lock");
        addIf(chosen, ops.getSchema != null, "--get-schema");
        addIf(chosen, ops.rpc != null, "--rpc");
        addIf(chosen, ops.subscribe, "--subscribe");
        if (chosen.isEmpty()) {
            throw new UsageException("no operation given: choose one of --hello, --get, --get-config, --edit-config, "
                    + "--commit, --confirmed-commit, --cancel-commit, --discard, --validate, --lock, --get-schema, "
                    + "--rpc, --subscribe");
        }
        if (chosen.size() > 1 && !isEditSequence(chosen)) {
            throw new UsageException("one operation at a time (got " + String.join(", ", chosen) + "); only "
                    + "--edit-config combines, with --commit or --confirmed-commit and --lock");
        }
        if (ops.commit && ops.confirmedCommit != null) {
            throw new UsageException("--commit and --confirmed-commit exclude each other");
        }
        String op = chosen.contains("--edit-config") ? "--edit-config" : chosen.get(0);
        if (session.timeoutSeconds < 1) {
            throw new UsageException("--timeout must be at least 1 second");
        }

        Optional<Filter> filter = filter(op, io);
        Optional<WithDefaultsMode> wd = Optional.empty();
        if (mod.withDefaults != null) {
            allowedWith("--with-defaults", op, "--get", "--get-config");
            wd = Optional.of(WithDefaultsMode.fromKeyword(mod.withDefaults).orElseThrow(() -> new UsageException(
                    "--with-defaults must be one of " + Arrays.stream(WithDefaultsMode.values())
                            .map(WithDefaultsMode::keyword).collect(Collectors.joining(", ")) + ", not '"
                            + mod.withDefaults + "'")));
        }
        Optional<Datastore> source = Optional.empty();
        if (mod.source != null) {
            allowedWith("--source", op, "--get-config", "--validate");
            source = Optional.of(datastore("--source", mod.source));
        }
        if (mod.target != null) {
            allowedWith("--target", op, "--edit-config");
        }
        if (mod.persist != null && ops.confirmedCommit == null) {
            throw new UsageException("--persist goes with --confirmed-commit");
        }
        if (mod.persistId != null) {
            allowedWith("--persist-id", op, "--commit", "--cancel-commit");
        }
        if (mod.stream != null) {
            allowedWith("--stream", op, "--subscribe");
        }
        if (mod.count != null) {
            allowedWith("--count", op, "--subscribe");
            if (mod.count < 1) {
                throw new UsageException("--count must be at least 1");
            }
        }
        if (ops.confirmedCommit != null && ops.confirmedCommit < 1) {
            throw new UsageException("--confirmed-commit needs a timeout of at least 1 second");
        }

        return switch (op) {
            case "--hello" -> new Operation.Hello();
            case "--get" -> new Operation.Get(filter, wd);
            case "--get-config" -> new Operation.GetConfig(source.orElse(Datastore.RUNNING), filter, wd);
            case "--edit-config" -> editSequence(io);
            case "--commit" -> new Operation.Commit(Optional.ofNullable(mod.persistId));
            case "--confirmed-commit" -> new Operation.ConfirmCommit(confirmed());
            case "--cancel-commit" -> new Operation.CancelCommit(Optional.ofNullable(mod.persistId));
            case "--discard" -> new Operation.Discard();
            case "--validate" -> new Operation.Validate(source);
            case "--lock" -> new Operation.Lock(datastore("--lock", ops.lock));
            case "--get-schema" -> new Operation.GetSchema(ops.getSchema);
            case "--rpc" -> new Operation.Rpc(readXml("--rpc", ops.rpc, io, true));
            case "--subscribe" -> new Operation.Subscribe(Optional.ofNullable(mod.stream), filter,
                    Optional.ofNullable(mod.count));
            default -> throw new IllegalStateException(op);
        };
    }

    /** The session settings these flags ask for; the trace prints on stderr. */
    SessionOptions sessionOptions(CommandIo io) {
        Duration t = Duration.ofSeconds(session.timeoutSeconds);
        SessionOptions o = SessionOptions.defaults().withRpcTimeout(t).withHelloTimeout(t);
        if (session.trace) {
            // NetconfSession redacts secrets before a trace sees the text
            o = o.withTrace((peer, dir, xml) -> io.err().println(
                    (dir == MessageTrace.Direction.OUT ? ">>> to " : "<<< from ") + peer + "\n" + xml));
        }
        return o;
    }

    private Operation editSequence(CommandIo io) throws UsageException {
        String xml = readXml("--edit-config", ops.editConfig, io, false);
        try {
            EditConfig.to(Datastore.CANDIDATE).config(xml); // checks the content; the target is chosen at run time
        } catch (MalformedXmlException e) {
            throw new UsageException("--edit-config " + ops.editConfig + ": " + e.getMessage(), e);
        }
        Optional<Datastore> target = mod.target == null ? Optional.empty()
                : Optional.of(datastore("--target", mod.target));
        Optional<Operation.ConfirmedCommitRequest> confirmed = ops.confirmedCommit != null
                ? Optional.of(confirmed()) : Optional.empty();
        Optional<Datastore> lock = ops.lock == null ? Optional.empty() : Optional.of(datastore("--lock", ops.lock));
        return new Operation.Edit(xml, target, lock, ops.commit, confirmed);
    }

    private Operation.ConfirmedCommitRequest confirmed() {
        return new Operation.ConfirmedCommitRequest(Duration.ofSeconds(ops.confirmedCommit),
                Optional.ofNullable(mod.persist));
    }

    private Optional<Filter> filter(String op, CommandIo io) throws UsageException {
        if (mod.xpath != null && mod.subtree != null) {
            throw new UsageException("--filter and --subtree exclude each other");
        }
        if (!mod.namespaces.isEmpty() && mod.xpath == null) {
            throw new UsageException("--ns goes with --filter");
        }
        if (mod.xpath != null) {
            allowedWith("--filter", op, "--get", "--get-config", "--subscribe");
            if (mod.xpath.isBlank()) {
                throw new UsageException("--filter needs an XPath expression");
            }
            return Optional.of(Filter.xpath(mod.xpath, mod.namespaces));
        }
        if (mod.subtree != null) {
            allowedWith("--subtree", op, "--get", "--get-config", "--subscribe");
            String xml = readXml("--subtree", mod.subtree, io, false);
            try {
                return Optional.of(Filter.subtree(xml));
            } catch (MalformedXmlException e) {
                throw new UsageException("--subtree " + mod.subtree + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    private static void addIf(List<String> list, boolean cond, String name) {
        if (cond) {
            list.add(name);
        }
    }

    private static boolean isEditSequence(List<String> chosen) {
        return chosen.contains("--edit-config") && List.of("--edit-config", "--commit", "--confirmed-commit", "--lock")
                .containsAll(chosen);
    }

    private static void allowedWith(String option, String op, String... ops) throws UsageException {
        if (!List.of(ops).contains(op)) {
            throw new UsageException(option + " goes with " + String.join(" or ", ops) + ", not with " + op);
        }
    }

    private static Datastore datastore(String option, String value) throws UsageException {
        try {
            return Datastore.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /**
     * Reads an XML input file ('-' is stdin) and checks that it is well-formed: one document, or for edit content
     * and subtree filters possibly several sibling elements.
     */
    private static String readXml(String option, String file, CommandIo io, boolean document)
            throws UsageException {
        String text;
        try {
            if ("-".equals(file)) {
                InputStream in = io.in();
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } else {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UsageException(option + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            throw new UsageException(option + ": " + file + " is empty");
        }
        try {
            if (document) {
                SafeXml.parse(text);
            } else {
                SafeXml.parse("<homeport-check>" + stripDeclaration(text) + "</homeport-check>");
            }
        } catch (MalformedXmlException e) {
            throw new UsageException(option + " " + file + ": " + e.getMessage(), e);
        }
        return text;
    }

    private static String stripDeclaration(String xml) {
        String s = xml.strip();
        if (s.startsWith("<?xml")) {
            int end = s.indexOf("?>");
            return end < 0 ? s : s.substring(end + 2);
        }
        return s;
    }
}
