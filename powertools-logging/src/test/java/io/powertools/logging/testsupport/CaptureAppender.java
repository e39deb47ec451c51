package io.powertools.logging.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * A real appender (not a mock) that writes the layout's encoded bytes to one in-memory stream,
 * like a Console appender writes to stdout; tests read the bytes back as text.
 */
@Plugin(name = "CaptureAppender", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class CaptureAppender extends AbstractAppender {

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    private CaptureAppender(String name, Layout<?> layout) {
        super(name, null, layout, true, Property.EMPTY_ARRAY);
    }

    /**
     * Creates the appender.
     *
     * @param name the name
     * @param layout the layout
     * @return the appender
     */
    @PluginFactory
    public static CaptureAppender createAppender(@PluginAttribute("name") String name,
            @PluginElement("Layout") Layout<?> layout) {
        return new CaptureAppender(name, layout);
    }

    @Override
    public void append(LogEvent event) {
        byte[] bytes = getLayout().toByteArray(event);
        synchronized (OUT) {
            OUT.write(bytes, 0, bytes.length);
        }
    }

    /**
     * Everything written so far, decoded as UTF-8, and clears the stream.
     *
     * @return the text
     */
    public static String drain() {
        synchronized (OUT) {
            String text = OUT.toString(StandardCharsets.UTF_8);
            OUT.reset();
            return text;
        }
    }
}
