package io.powertools.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Order(String id, int quantity) { }

    @Test
    void ignoresUnknownPropertiesBecauseEventsGrowNewFields() {
        Order order = Json.fromTree(Json.parse("{\"id\":\"o\",\"quantity\":2,\"addedLater\":true}"), Order.class);
        assertThat(order).isEqualTo(new Order("o", 2));
    }

    @Test
    void roundTripsValues() {
        assertThat(Json.write(new Order("o", 3))).isEqualTo("{\"id\":\"o\",\"quantity\":3}");
        assertThat(Json.toTree(new Order("o", 3)).get("quantity").asInt()).isEqualTo(3);
    }

    record Event(java.time.Instant at) { }

    @Test
    void javaTimeValuesRoundTripAsIsoText() {
        java.time.Instant at = java.time.Instant.parse("2026-11-24T01:02:03.456Z");
        assertThat(Json.write(new Event(at))).isEqualTo("{\"at\":\"2026-11-24T01:02:03.456Z\"}");
        assertThat(Json.fromTree(Json.parse("{\"at\":\"2026-11-24T01:02:03.456Z\"}"), Event.class).at()).isEqualTo(at);
    }

    @Test
    void invalidJsonSaysWhy() {
        assertThatThrownBy(() -> Json.parse("{\"id\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not valid JSON");
    }

    @Test
    void newMapperIsAFreshCopy() {
        ObjectMapper first = Json.newMapper();
        assertThat(first).isNotSameAs(Json.newMapper());
    }
}
