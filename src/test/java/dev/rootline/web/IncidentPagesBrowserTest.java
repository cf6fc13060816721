package dev.rootline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.incident.LayeredFailure;
import dev.rootline.ingest.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** An engineer follows the layered failure from the services page down to its root cause, in a real browser. */
@QuarkusTest
class IncidentPagesBrowserTest {

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void open() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void fromTheServicesPageToTheRootCauseItsContextAndASearch() throws Exception {
        String service = "checkout-" + UUID.randomUUID().toString().substring(0, 8);
        LayeredFailure logs = new LayeredFailure(service);
        for (int revision = 1; revision <= 4; revision++) {
            Api.ingest(LayeredFailure.array(logs.entries(revision)));
        }

        browser.get(root.toString());
        Browser.screenshot(browser, "1-services");
        WebElement row = browser.findElement(By.xpath("//tr[th/a[text()='" + service + "']]"));
        assertThat(row.getText()).contains("failing", logs.revision(4));

        row.findElement(By.linkText(service)).click();
        Browser.screenshot(browser, "2-timeline");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(service);
        List<WebElement> revisions =
                browser.findElements(By.cssSelector("section[aria-labelledby=revisions] .lanes > li"));
        assertThat(revisions)
                .extracting(r -> r.findElement(By.tagName("strong")).getText())
                .containsExactly(logs.revision(1), logs.revision(2), logs.revision(3), logs.revision(4));
        String incidents = browser.findElement(By.cssSelector("section[aria-labelledby=incidents]"))
                .getText();
        assertThat(incidents)
                .contains(
                        "Invalid user execution context",
                        "resolved by " + logs.revision(2),
                        "Configuration validator rejected DATABASE_HOST",
                        "uncovered by Invalid user execution context");

        browser.findElement(By.linkText("Iteration report")).click();
        Browser.screenshot(browser, "6-report");
        assertThat(browser.findElements(By.cssSelector("section.iteration h2")))
                .extracting(WebElement::getText)
                .as("newest first, each with its verdict")
                .containsExactly(
                        logs.revision(4) + " fail",
                        logs.revision(3) + " pass",
                        logs.revision(2) + " fail",
                        logs.revision(1) + " fail");
        String second = browser.findElement(By.cssSelector("section[aria-labelledby='it-" + logs.revision(2) + "']"))
                .getText();
        assertThat(second)
                .contains("What it fixed", "Invalid user execution context resolved", "got past phase WEBSOCKET")
                .contains("UNCOVERED: Configuration validator rejected DATABASE_HOST", "Five whys", "Next steps:");
        browser.navigate().back();

        browser.findElement(By.partialLinkText("Configuration validator rejected"))
                .click();
        Browser.screenshot(browser, "3-incident");
        String chain = browser.findElement(By.cssSelector("section[aria-labelledby=chain]"))
                .getText();
        assertThat(chain.indexOf("cloudrun.request-failed"))
                .as("the symptom first")
                .isLessThan(chain.indexOf("cloudrun.container-exit"));
        assertThat(chain)
                .contains(
                        "gunicorn.worker-exit",
                        "config.validation-failed",
                        "Why: Requests failed",
                        "Because: Configuration validator rejected DATABASE_HOST");
        assertThat(browser.findElements(By.cssSelector("pre.line mark")))
                .extracting(WebElement::getText)
                .contains("DATABASE_HOST");

        browser.findElement(By.linkText("Open context")).click();
        Browser.screenshot(browser, "4-context");
        assertThat(browser.findElement(By.cssSelector("tr[aria-current=true]")).getText())
                .contains("DATABASE_HOST validation failed");
        assertThat(browser.findElements(By.cssSelector("table.log tbody tr")))
                .extracting(WebElement::getText)
                .as("this revision's instance only, though every fixture service has an instance i-two")
                .filteredOn(line -> line.contains("PHASE TRANSITION → CONFIGURATION"))
                .hasSize(1);

        browser.findElement(By.linkText("Search")).click();
        browser.findElement(By.name("service")).sendKeys(service);
        browser.findElement(By.name("q")).sendKeys("exit(3)", Keys.ENTER);
        Browser.screenshot(browser, "5-search");
        assertThat(browser.findElements(By.cssSelector("table.log tbody tr")))
                .extracting(WebElement::getText)
                .hasSize(2)
                .allMatch(line -> line.contains("Container called exit(3)."));
    }
}
