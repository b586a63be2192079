package dev.homeport.yang.check;

import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code invalid-date}: a {@code revision} or {@code revision-date} that is not a real date YYYY-MM-DD. */
public final class DateCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (Statement s : context.statements()) {
            if ((s.is("revision") || s.is("revision-date")) && s.argument() != null && !isDate(s.argument())) {
                context.report(s, CheckCodes.INVALID_DATE, "'" + s.argument() + "' is not a date of the form YYYY-MM-DD");
                context.patch(StatementPatch.remove(s));
            }
        }
    }

    static boolean isDate(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
