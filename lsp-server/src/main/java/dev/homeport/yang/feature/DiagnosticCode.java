package dev.homeport.yang.feature;

/**
 * One stable diagnostic code: its default severity, which layer reports it and what it means.
 *
 * @param origin {@code syntax} (parser), {@code index} (workspace index), {@code check} (our checks on the syntax
 *               tree and index) or {@code yangtools} (the yangtools reactor)
 */
public record DiagnosticCode(String code, SeverityLevel defaultLevel, String origin, String summary) {
}
