package dev.homeport.netconf.data;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Remembers where in the document a reader is, as the index of each open element among its parent's element
 * children, so that a failure of the yangtools parser (whose messages carry no position for DOM input) can be
 * traced to the element. Costs two int writes per element.
 */
final class TrackingReader extends StreamReaderDelegate {
    private int[] indexes = new int[32];
    private int[] childCounts = new int[33];
    private int depth;
    private boolean endPending;

    TrackingReader(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
        settle();
        return track(super.next());
    }

    @Override
    public int nextTag() throws XMLStreamException {
        settle();
        return track(super.nextTag());
    }

    @Override
    public String getElementText() throws XMLStreamException {
        String text = super.getElementText();
        // the reader now sits on the element's end; it stays "current" until the next move, where failures about
        // its value are reported
        endPending = true;
        return text;
    }

    private void settle() {
        if (endPending) {
            endPending = false;
            depth--;
        }
    }

    private int track(int event) {
        if (event == XMLStreamConstants.START_ELEMENT) {
            if (depth == indexes.length) {
                indexes = Arrays.copyOf(indexes, depth * 2);
                childCounts = Arrays.copyOf(childCounts, depth * 2 + 1);
            }
            indexes[depth] = childCounts[depth]++;
            depth++;
            childCounts[depth] = 0;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            endPending = true;
        }
        return event;
    }

    /** Element-child indexes from the document's top element (index 0) down to the current element. */
    int[] position() {
        return Arrays.copyOf(indexes, depth);
    }
}
