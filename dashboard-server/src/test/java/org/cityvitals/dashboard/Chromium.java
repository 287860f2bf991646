package org.cityvitals.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One headless Debian Chromium at a 1920×1080 viewport, with its own profile, logged in to the dashboard as one
 * user. Desktop notifications are granted, and every notification the page raises is also recorded in
 * {@code window.__notifications} (by a script the test installs before the page's own), so tests can see them.
 */
public final class Chromium implements AutoCloseable {

    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    /** Screenshots land here as test artifacts. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String RECORD_NOTIFICATIONS = """
            window.__notifications = [];
            const Real = window.Notification;
            window.Notification = class extends Real {
              constructor(title, options) {
                window.__notifications.push({title, body: options && options.body});
                super(title, options);
              }
            };
            Object.defineProperty(window.Notification, 'permission', {get: () => Real.permission});
            window.Notification.requestPermission = (...args) => Real.requestPermission(...args);
            """;

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    private final String base;

    public Chromium(int port, Path profile) {
        this.base = "http://127.0.0.1:" + port;
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
        // a fixed driver binary, so Selenium never tries to download one
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", base, "permissions", List.of("notifications")));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_NOTIFICATIONS));
        wait = waitUpTo(Duration.ofSeconds(30));
    }

    /**
     * A wait of its own length, for what takes longer than {@link #wait}'s 30 s. The page redraws what changes: queue
     * rows and situation cards as their alerts move, the ranking with every health score, a tile's sparkline every
     * second as its data ages. An element found just before a redraw is gone when it is read, so every wait finds it
     * again rather than failing.
     */
    public WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait longer = new WebDriverWait(driver, timeout);
        longer.ignoring(StaleElementReferenceException.class);
        return longer;
    }

    /** Opens the page at {@code hash}, logs in, and waits for the live connection. */
    public Chromium login(String user, String password, String hash) {
        driver.get(base + "/" + hash);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.attributeContains(By.id("conn"), "class", "ok"));
        return this;
    }

    public void open(String hash) {
        driver.get(base + "/" + hash);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> jsList(String script, Object... args) {
        return (List<Map<String, Object>>) js(script, args);
    }

    /** The text of the element {@code by} finds, read again if the page redraws that element meanwhile. */
    public String text(By by) {
        return wait.until(d -> d.findElement(by).getText());
    }

    /** An attribute of the element {@code by} finds, read as {@link #text} reads its text. */
    public String attribute(By by, String name) {
        return wait.until(d -> d.findElement(by).getAttribute(name));
    }

    /** The login token of this browser's session, for calling the REST API as the same user. */
    public String token() {
        return (String) js("return sessionStorage.getItem('cityvitals.token')");
    }

    /** Saves a screenshot of the whole viewport as {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
