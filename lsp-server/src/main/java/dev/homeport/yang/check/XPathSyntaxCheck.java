package dev.homeport.yang.check;

import dev.homeport.yang.model.LeafrefPath;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import javax.xml.xpath.XPathExpressionException;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathMathMode;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathParser;
import org.opendaylight.yangtools.yang.xpath.impl.AntlrXPathParserFactory;

/**
 * {@code xpath-syntax}: {@code must} and {@code when} must be XPath 1.0 with the YANG functions (checked with
 * yangtools' own XPath parser, so we agree with it), {@code path} must follow the leafref path grammar of RFC 7950
 * section 14 ({@link LeafrefPath}).
 */
public final class XPathSyntaxCheck implements Check {
    private static final AntlrXPathParserFactory FACTORY = new AntlrXPathParserFactory();

    @Override
    public void run(CheckContext context) {
        YangXPathParser parser = FACTORY.newParser(YangXPathMathMode.IEEE754);
        for (Statement s : context.statements()) {
            if (s.argument() == null) {
                continue;
            }
            if (s.is("must") || s.is("when")) {
                try {
                    parser.parseExpression(s.argument());
                } catch (XPathExpressionException | RuntimeException e) {
                    context.report(s, CheckCodes.XPATH_SYNTAX, "'" + s.keyword() + "' is not valid XPath: " + describe(e));
                    context.patch(StatementPatch.remove(s));
                }
            } else if (s.is("path") && s.parent() != null && s.parent().is("type")) {
                try {
                    LeafrefPath.parse(s.argument());
                } catch (LeafrefPath.SyntaxError e) {
                    context.report(s, CheckCodes.XPATH_SYNTAX, "not a leafref path: " + e.getMessage() + " (at character "
                            + (e.offset() + 1) + ")");
                    context.patch(StatementPatch.replaceType(s));
                }
            }
        }
    }

    static String describe(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int expecting = m.indexOf(" expecting {");
        if (expecting >= 0) {
            m = m.substring(0, expecting);
        }
        m = m.replace('\n', ' ').trim();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
