package org.cityvitals.dashboard;

import io.vertx.core.Vertx;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations-centre page in headless Debian Chromium: log in, a live value, health scores and an alert appear,
 * and acknowledging the alert from the page marks it once the server pushes the action back.
 */
class BrowserIT {

    /** Shanghai's own code: the key of its city-wide series. */
    private static final String SHANGHAI = "310000";

    private static final DateTimeFormatter SHANGHAI_CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path profile;

    private static TestStack stack;
    private static Vertx vertx;
    private static DashboardServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.get();
        vertx = Vertx.vertx();
        server = DashboardServer.start(vertx, stack.config()).await(60, TimeUnit.SECONDS);
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1600,1000", "--user-data-dir=" + profile);
        // a fixed driver binary, so Selenium never tries to download one
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @AfterAll
    static void stop() {
        browser.quit();
        server.close().await();
        vertx.close().await();
    }

    @Test
    void operatorSeesLiveValuesHealthAndAnAlertAndAcknowledgesIt() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("ops");
        browser.findElement(By.id("password")).sendKeys("ops");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conn-text"), "实时 Live"));

        stack.publish(Signals.value("air.pm25", "310109", 64.2, Level.NORMAL));
        By cell = By.cssSelector("td.value-cell[data-indicator='air.pm25'][data-district='310109']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(cell, "64.2"));
        assertThat(browser.findElement(cell).getText()).contains("µg/m³").contains("正常 Normal");
        assertThat(browser.findElement(By.cssSelector("tr[data-district='310109'] th")).getText())
                .contains("虹口区").contains("Hongkou");

        stack.publish(Signals.health(SHANGHAI, 73, Level.ORANGE));
        stack.publish(Signals.health("310109", 58, Level.RED));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("city-health-value"), "73"));
        assertThat(browser.findElement(By.id("city-health-value")).getText()).contains("■", "橙色 Orange");
        By districtHealth = By.cssSelector("td.health-cell[data-district='310109']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(districtHealth, "58"));
        assertThat(browser.findElement(districtHealth).getText()).contains("✖", "红色 Red");

        AlertEvent alert = Signals.opened("browser-alert", "310109", Level.RED, 260);
        stack.publish(alert);
        By item = By.cssSelector("li.alert-item[data-alert-id='browser-alert']");
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        assertThat(shown.getText()).contains("虹口区", "红色 Red", "新告警 Opened", alert.message(),
                SHANGHAI_CLOCK.format(alert.eventTime()));
        assertThat(shown.findElement(By.cssSelector(".level-icon")).getText()).isEqualTo("✖");

        // the feed is redrawn when alerts, actions or flood states arrive: find the button afresh until the click lands
        By acknowledge = By.cssSelector("li.alert-item[data-alert-id='browser-alert'] button[data-action='acknowledge']");
        wait.ignoring(StaleElementReferenceException.class).until(page -> {
            page.findElement(acknowledge).click();
            return true;
        });
        By acknowledged = By.cssSelector("li.alert-item.acknowledged[data-alert-id='browser-alert'] .ack");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(acknowledged, "ops"));
        assertThat(browser.findElement(acknowledged).getText()).contains("已确认 Acknowledged");
    }
}
