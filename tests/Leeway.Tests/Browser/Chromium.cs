using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Leeway.Tests.Browser;

/// <summary>
/// A real headless Chromium driven through Debian's chromedriver (installed by <c>scripts/test-services.d/chromium.sh</c>,
/// which exports <c>LEEWAY_CHROMIUM</c> and <c>LEEWAY_CHROMEDRIVER</c>). One per test class or collection; disposing it
/// quits the browser and stops the driver, so no process outlives the tests.
/// </summary>
public sealed class Chromium : IDisposable
{
    public static readonly Size Desktop = new(1280, 800);
    public static readonly Size Phone = new(390, 844);

    private readonly ChromeDriverService _service;
    private readonly string _profile;

    public Chromium()
    {
        var browser = Environment.GetEnvironmentVariable("LEEWAY_CHROMIUM") is { Length: > 0 } b ? b : "/usr/bin/chromium";
        var driver = Environment.GetEnvironmentVariable("LEEWAY_CHROMEDRIVER") is { Length: > 0 } d ? d : "/usr/bin/chromedriver";
        if (!File.Exists(browser) || !File.Exists(driver))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium ({browser}) and chromedriver ({driver}): run ./test.sh, or scripts/test-services.d/chromium.sh, which installs Debian's chromium and chromium-driver.");
        }

        _profile = Directory.CreateTempSubdirectory("leeway-chromium-").FullName;
        _service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        _service.HideCommandPromptWindow = true;
        _service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            $"--window-size={Desktop.Width},{Desktop.Height}",
            $"--user-data-dir={_profile}");
        try
        {
            Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(60));
        }
        catch
        {
            _service.Dispose();
            throw;
        }

        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    public ChromeDriver Driver { get; }

    public void GoTo(Uri url) => Driver.Navigate().GoToUrl(url);

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    /// <summary>Waits until <paramref name="condition"/> holds (pages are server-rendered, so this is mostly a navigation finishing).</summary>
    public T Wait<T>(Func<IWebDriver, T> condition, int seconds = 30) =>
        new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { PollingInterval = TimeSpan.FromMilliseconds(100) }.Until(condition);

    /// <summary>Clicks and waits for the next page to load (the clicked element goes stale when it does).</summary>
    public void ClickAndWait(IWebElement element)
    {
        element.Click();
        Wait(_ => IsStale(element));
        Wait(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState")?.ToString() == "complete");
    }

    /// <summary>A PNG of the whole page (not only what fits the window) laid out at <paramref name="size"/>.</summary>
    public void Screenshot(string path, Size size)
    {
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = size.Width,
            ["height"] = size.Height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = size.Width < 600,
        });
        try
        {
            var height = Convert.ToInt64(Driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight)")!, System.Globalization.CultureInfo.InvariantCulture);
            var shot = (Dictionary<string, object>)Driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new Dictionary<string, object> { ["x"] = 0, ["y"] = 0, ["width"] = size.Width, ["height"] = Math.Max(size.Height, height), ["scale"] = 1 },
            })!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, Convert.FromBase64String((string)shot["data"]));
        }
        finally
        {
            Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);
        }
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            _service.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // The browser may still be releasing its profile; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>True once the page that held <paramref name="element"/> has been replaced.</summary>
    public static bool IsStale(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chromium's answer when the page was replaced between finding the node and asking about it: stale too.
            return true;
        }
    }
}
