package io.warren.server.management.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import io.warren.server.management.ManagementServer;
import io.warren.server.management.ManagementSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The management console in headless Chromium against a real broker: log in as guest, see a queue filled over
 * AMQP with its depth, open it, purge it through the confirm dialog and see the depth drop to 0.
 *
 * <p>Runs only with {@code -Pbrowser-tests} (failsafe). Needs Chromium and chromedriver: {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver} by default (Debian's {@code chromium} and {@code chromium-driver} packages), or
 * the paths in system properties {@code warren.chromium} and {@code warren.chromedriver}. The console's path on the
 * management server is {@code /} unless {@code warren.console.path} says otherwise. On failure a screenshot and the
 * page source are written to {@code target/browser-it/}.
 */
class ConsoleBrowserIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String QUEUE = "console-it.orders";
    private static final String VHOST = "/";

    private Broker broker;
    private AmqpServer amqp;
    private ManagementServer management;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        broker = Broker.start(BrokerConfig.builder("console-browser-it").build());
        UserStore users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        amqp = AmqpServer.start(broker, ServerSettings.ephemeral(), users);
        management = ManagementServer.start(broker, users, ManagementSettings.ephemeral());
        driver = startChrome();
        wait = new WebDriverWait(driver, TIMEOUT);
        wait.ignoring(StaleElementReferenceException.class); // the console redraws tables on every poll
    }

    @AfterEach
    void stop() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (management != null) {
                management.close();
            }
            if (amqp != null) {
                amqp.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    void showsAQueueFilledOverAmqpAndPurgesIt(TestInfo test) throws Exception {
        publishOverAmqp(3);
        try {
            driver.get(consoleUrl());
            logIn("guest", "guest");
            new Select(byTestId("refresh-interval")).selectByValue("2");

            click("nav-queues");
            By depthInList = By.cssSelector("tr[data-queue=\"" + VHOST + "/" + QUEUE + "\"] td[data-field=\"messages\"]");
            waitForText(depthInList, "3");

            click(By.cssSelector("tr[data-queue=\"" + VHOST + "/" + QUEUE + "\"] [data-testid=\"queue-link\"]"));
            waitForText(By.cssSelector("[data-testid=\"queue-title\"]"), QUEUE);
            By depthInDetail = By.cssSelector("[data-testid=\"queue-depth\"] [data-field=\"messages\"]");
            waitForText(depthInDetail, "3");

            click("queue-purge");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-yes"))).click();
            waitForText(depthInDetail, "0");
            assertThat(broker.defaultVirtualHost().queueInfo(QUEUE).messageCount()).isZero();

            click("nav-queues");
            waitForText(depthInList, "0");
            assertThat(byTestId("error-banner").isDisplayed()).as("error banner").isFalse();
            assertNoScriptErrors();
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(test);
            throw e;
        }
    }

    @Test
    void routingPictureDrawsExchangeToQueueBindingsWithTheirKeys(TestInfo test) throws Exception {
        var vhost = broker.defaultVirtualHost();
        var channel = vhost.connect("setup").createChannel();
        channel.exchangeDeclare("orders", io.warren.broker.exchange.ExchangeType.TOPIC, true, false, false, Map.of());
        channel.queueDeclare("eu-orders", true, false, false, Map.of());
        channel.queueDeclare("audit", true, false, false, Map.of());
        channel.queueBind("eu-orders", "orders", "order.eu.#", Map.of());
        channel.queueBind("audit", "orders", "#", Map.of());
        publishOverAmqp(2);
        try {
            driver.get(consoleUrl());
            logIn("guest", "guest");
            saveScreenshot("overview");

            click("nav-routing");
            By svg = testId("routing-svg");
            wait.withMessage("the routing picture to name the exchange, both queues and the binding keys")
                    .until(d -> {
                        String text = d.findElement(svg).getText();
                        return text.contains("orders") && text.contains("eu-orders") && text.contains("audit")
                                && text.contains("order.eu.#");
                    });
            saveScreenshot("routing");

            click("nav-queues");
            waitForText(By.cssSelector("tr[data-queue=\"" + VHOST + "/" + QUEUE + "\"] td[data-field=\"messages\"]"),
                    "2");
            saveScreenshot("queues");
            click("nav-connections");
            wait.until(ExpectedConditions.visibilityOfElementLocated(testId("connections-table")));
            saveScreenshot("connections");
            assertNoScriptErrors();
        } catch (AssertionError | RuntimeException e) {
            saveEvidence(test);
            throw e;
        }
    }

    // ------------------------------------------------------------------ steps

    private void publishOverAmqp(int count) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(amqp.port());
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(false);
        try (Connection connection = factory.newConnection("console-browser-it")) {
            Channel channel = connection.createChannel();
            channel.queueDeclare(QUEUE, true, false, false, null);
            channel.confirmSelect();
            for (int i = 1; i <= count; i++) {
                channel.basicPublish("", QUEUE, MessageProperties.PERSISTENT_TEXT_PLAIN,
                        ("message " + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
        }
        assertThat(broker.defaultVirtualHost().queueInfo(QUEUE).messageCount()).isEqualTo(count);
    }

    private void logIn(String user, String password) {
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-username")));
        username.clear();
        username.sendKeys(user);
        byTestId("login-password").sendKeys(password);
        click("login-submit");
        waitForText(testId("whoami-user"), user);
    }

    private String consoleUrl() {
        String path = System.getProperty("warren.console.path", "/");
        return "http://127.0.0.1:" + management.port() + (path.startsWith("/") ? path : "/" + path);
    }

    // ------------------------------------------------------------------ browser

    private static ChromeDriver startChrome() {
        Path chromium = Path.of(System.getProperty("warren.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("warren.chromedriver", "/usr/bin/chromedriver"));
        assertThat(chromium).as("Chromium (apt-get install chromium, or -Dwarren.chromium=...)").isExecutable();
        assertThat(chromedriver).as("chromedriver (apt-get install chromium-driver, or -Dwarren.chromedriver=...)")
                .isExecutable();
        // An explicit driver and browser: Selenium Manager has nothing to look up or download.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,768");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    private WebElement byTestId(String id) {
        return driver.findElement(testId(id));
    }

    private void click(String testId) {
        click(testId(testId));
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Waits until the element (looked up afresh each time, as polls redraw it) shows exactly this text. */
    private void waitForText(By by, String text) {
        wait.withMessage(() -> by + " to show \"" + text + "\"")
                .until(d -> text.equals(d.findElement(by).getText().trim()));
    }

    /** No uncaught script error in the page; failed requests (a 401 before login, say) are not script errors. */
    private void assertNoScriptErrors() {
        Object recorded = ((JavascriptExecutor) driver)
                .executeScript("return (window.Warren && window.Warren.errors) || [];");
        assertThat((List<?>) recorded).as("script errors recorded by the console").isEmpty();
        List<String> severe = new ArrayList<>();
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                        && !entry.getMessage().contains("Failed to load resource")) {
                    severe.add(entry.getMessage());
                }
            }
        } catch (WebDriverException e) {
            return; // this driver does not hand out the browser log; the console's own record above still counts
        }
        assertThat(severe).as("browser console errors").isEmpty();
    }

    /** Keeps a picture of the page in target/browser-it, for people to look at; never fails the test. */
    private void saveScreenshot(String name) {
        try {
            Path dir = Path.of("target", "browser-it");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | WebDriverException e) {
            // a missing picture is no reason to fail
        }
    }

    private void saveEvidence(TestInfo test) {
        try {
            Path dir = Path.of("target", "browser-it");
            Files.createDirectories(dir);
            String name = test.getTestMethod().map(m -> m.getName()).orElse("test");
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | WebDriverException e) {
            // evidence is best effort; the test's own failure is what matters
        }
    }
}
