package dev.rootline.ingest;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Calls on the HTTP API shared by the resource tests. */
public final class Api {

    private Api() {}

    public static Response postEntries(String contentType, byte[] body) {
        return given().contentType(contentType).body(body).post("/api/v1/entries");
    }

    public static JsonPath ingest(byte[] json) {
        return postEntries("application/json", json)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** How many events the store holds for a query, counted by the search API. */
    public static long searchTotal(String q) {
        return given().queryParam("q", q)
                .queryParam("limit", 1)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }
}
