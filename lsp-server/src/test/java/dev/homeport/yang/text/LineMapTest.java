package dev.homeport.yang.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineMapTest {

    @Test
    void columnsAreUtf16CodeUnits() {
        String text = "leaf \uD83D\uDE00x;\nb";
        LineMap lines = LineMap.of(text);
        assertThat(lines.position(text.indexOf('x'))).isEqualTo(new Position(0, 7));
        assertThat(lines.offset(new Position(0, 7))).isEqualTo(text.indexOf('x'));
        assertThat(lines.position(text.indexOf('b'))).isEqualTo(new Position(1, 0));
    }

    @Test
    void lfCrLfAndLoneCrAreLineBreaks() {
        String text = "a\nb\r\nc\rd";
        LineMap lines = LineMap.of(text);
        assertThat(lines.lineCount()).isEqualTo(4);
        assertThat(List.of(lines.position(2), lines.position(5), lines.position(7)))
                .containsExactly(new Position(1, 0), new Position(2, 0), new Position(3, 0));
        assertThat(lines.lineEnd(1)).isEqualTo(3);
        assertThat(lines.position(4)).as("inside CR LF: end of the line").isEqualTo(new Position(1, 1));
    }

    @Test
    void positionsPastTheEndAreClampedAsLspAsks() {
        LineMap lines = LineMap.of("ab\ncd");
        assertThat(lines.offset(new Position(0, 99))).isEqualTo(2);
        assertThat(lines.offset(new Position(9, 0))).isEqualTo(5);
        assertThat(lines.position(99)).isEqualTo(new Position(1, 2));
        assertThat(lines.range(Span.of(1, 4))).isEqualTo(Range.of(0, 1, 1, 1));
    }

    @Test
    void emptyTextHasOneLine() {
        LineMap lines = LineMap.of("");
        assertThat(lines.lineCount()).isEqualTo(1);
        assertThat(lines.position(0)).isEqualTo(new Position(0, 0));
    }

    @Test
    void documentAppliesIncrementalChangesInOrder() {
        Document doc = new Document(URI.create("file:///m.yang"), 1, "module m {\n  leaf a;\n}\n");
        Document next = doc.apply(List.of(
                new TextChange(Range.of(1, 7, 1, 8), "b"),
                new TextChange(Range.of(1, 9, 1, 9), "\n  leaf \uD83D\uDE00;"),
                new TextChange(Range.of(2, 7, 2, 9), "c")), 2);
        assertThat(next.text()).isEqualTo("module m {\n  leaf b;\n  leaf c;\n}\n");
        assertThat(next.version()).isEqualTo(2);
        assertThat(doc.text()).as("snapshots are immutable").isEqualTo("module m {\n  leaf a;\n}\n");
        assertThat(next.apply(List.of(TextChange.full("x")), 3).text()).isEqualTo("x");
        assertThat(next.position(next.text().indexOf("c;"))).isEqualTo(new Position(2, 7));
    }
}
