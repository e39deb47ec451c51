package io.powertools.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.core.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** The core's JSON priming: Jackson and JMESPath warmed on a sample event. Needs Jackson. */
final class JsonPriming {

    private JsonPriming() {
    }

    static void prime() throws IOException {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("id", "priming");
        sample.put("amount", 12.5);
        sample.put("items", List.of(1, 2, 3));
        sample.put("body", "{\"order\":{\"id\":\"o-1\"}}");
        sample.put("data", Base64.getEncoder().encodeToString("{\"k\":1}".getBytes(StandardCharsets.UTF_8)));
        sample.put("zipped", Base64.getEncoder().encodeToString(gzip("{\"k\":2}")));
        String json = Json.write(sample);
        JsonNode tree = Json.parse(json);
        Json.fromTree(tree, Map.class);
        Json.toTree(sample);
        // Expressions users write most; compiling also loads the parser and the function registry.
        JsonPath.compile("powertools_json(body).order.id").search(tree);
        JsonPath.compile("powertools_base64(data)").search(tree);
        JsonPath.compile("powertools_base64_gzip(zipped)").search(tree);
        JsonPath.compile("[id, items[0]]").search(tree);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
