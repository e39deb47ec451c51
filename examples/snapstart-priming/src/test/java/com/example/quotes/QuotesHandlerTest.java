package com.example.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.testing.FakeContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handler in-process, without SnapStart (on a plain JVM the CRaC registration does nothing). */
class QuotesHandlerTest {

    private final QuotesHandler handler = new QuotesHandler();

    @Test
    void quotesTheSampleEvent() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(QuotesHandler.sampleEvent(), FakeContext.create());

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode quote = Json.parse(response.getBody());
        assertThat(quote.get("priceCents").asLong()).isEqualTo(499 + 2 * 120); // 1.6 kg to DE: 2 started kg
        assertThat(quote.get("quoteId").asText()).hasSize(36);
    }

    @Test
    void everyQuoteGetsItsOwnIdAndValidity() {
        JsonNode first = Json.parse(handler.handleRequest(QuotesHandler.sampleEvent(), FakeContext.create()).getBody());
        JsonNode second = Json.parse(handler.handleRequest(QuotesHandler.sampleEvent(), FakeContext.create()).getBody());

        assertThat(first.get("quoteId")).isNotEqualTo(second.get("quoteId"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no body         | ''                                                                      | ",
        "not JSON        | '{'                                                                     | ",
        "unknown country | '{\"destination\":\"XX\",\"items\":[{\"quantity\":1,\"weightGrams\":1}]}' | destination",
        "no items        | '{\"destination\":\"DE\",\"items\":[]}'                                   | items",
        "too heavy       | '{\"destination\":\"DE\",\"items\":[{\"quantity\":1,\"weightGrams\":90000}]}' | items[0].weightGrams"
    })
    void answersBadRequestsWith400(String name, String body, String field) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(QuotesHandler.sampleEvent().withBody(body),
                FakeContext.create());

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.getBody());
        assertThat(error.get("error").asText()).isEqualTo("BadRequest");
        if (field != null) {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
    }
}
