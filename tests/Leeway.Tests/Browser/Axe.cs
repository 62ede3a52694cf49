using System.Drawing;
using System.Globalization;
using System.Text;
using OpenQA.Selenium;

namespace Leeway.Tests.Browser;

/// <summary>
/// Quality gates for a page state in Chromium: axe-core (npm, installed by <c>scripts/test-services.d/axe.sh</c>, which
/// exports <c>LEEWAY_AXE_JS</c>) injected into the page and run over the whole document, failing on any serious or
/// critical violation; and, at phone width, every tap target at least 44×44 CSS px (WCAG 2.5.5, Apple's and Google's
/// guidance). Call <see cref="Check"/> on each state a test visits.
/// </summary>
internal static class Axe
{
    public const int MinTouchTarget = 44;

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("LEEWAY_AXE_JS");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need axe-core (LEEWAY_AXE_JS='{path}'): run ./test.sh, or source scripts/test-services.d/axe.sh, which installs the npm package axe-core.");
        }

        return File.ReadAllText(path);
    });

    /// <summary>Fails with every serious or critical axe violation on the current page, naming the rule and the nodes.</summary>
    public static void AssertAccessible(this Chromium browser, string state)
    {
        var violations = Violations(browser).Where(v => v.Impact is "serious" or "critical").ToList();
        if (violations.Count == 0)
        {
            return;
        }

        var report = new StringBuilder().Append(CultureInfo.InvariantCulture, $"axe-core: {violations.Count} serious/critical violation(s) on {state} ({browser.Driver.Url}):");
        foreach (var v in violations)
        {
            report.Append(CultureInfo.InvariantCulture, $"\n- {v.Id} ({v.Impact}): {v.Help}");
            foreach (var node in v.Nodes.Take(5))
            {
                report.Append(CultureInfo.InvariantCulture, $"\n    {node}");
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>Every axe violation on the current page (all impacts).</summary>
    public static IReadOnlyList<AxeViolation> Violations(Chromium browser)
    {
        var js = (IJavaScriptExecutor)browser.Driver;
        if (js.ExecuteScript("return typeof window.axe") as string != "object")
        {
            js.ExecuteScript(Source.Value);
        }

        var result = js.ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              })))))
              .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
            """) as string;
        return System.Text.Json.JsonSerializer.Deserialize<List<AxeViolation>>(result ?? "[]", new System.Text.Json.JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];
    }

    /// <summary>
    /// Fails on any visible link, button, input, select, textarea or summary whose box is under 44×44 px. An inline link
    /// inside a sentence is exempt (WCAG 2.5.8's inline exception): a target that is a whole line of text isn't one.
    /// </summary>
    public static void AssertTouchTargets(this Chromium browser, string state)
    {
        var small = ((IJavaScriptExecutor)browser.Driver).ExecuteScript(
            """
            const min = arguments[0];
            const out = [];
            const targets = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], label:has(> input[type=radio]), label:has(> input[type=checkbox])');
            for (const el of targets) {
              const style = getComputedStyle(el);
              if (style.visibility === 'hidden' || style.display === 'none') continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              // A radio or checkbox inside a label: the label is the target.
              if ((el.type === 'radio' || el.type === 'checkbox') && el.closest('label')) continue;
              // A link inside running text (a sentence in a paragraph or list item) is exempt.
              if (el.tagName === 'A' && style.display === 'inline' && el.parentElement && getComputedStyle(el.parentElement).display !== 'flex'
                  && (el.parentElement.textContent || '').trim().length > (el.textContent || '').trim().length) continue;
              // The skip link is off screen until focused.
              if (r.bottom < 0 || r.right < 0) continue;
              if (r.width < min - 0.5 || r.height < min - 0.5) {
                const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.id || '').trim().replace(/\s+/g, ' ').slice(0, 40);
                out.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`);
              }
            }
            return out;
            """,
            MinTouchTarget) as IReadOnlyCollection<object>;
        if (small is { Count: > 0 })
        {
            Assert.Fail($"Touch targets under {MinTouchTarget}px on {state} ({browser.Driver.Url}):\n- {string.Join("\n- ", small)}");
        }
    }

    /// <summary>
    /// Lays the current page out at <paramref name="size"/> (a phone, with touch, when narrower than 600 px) until
    /// disposed; the pages are responsive CSS, so the same document is re-laid out without a reload.
    /// </summary>
    public static IDisposable At(this Chromium browser, Size size)
    {
        browser.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = size.Width,
            ["height"] = size.Height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = size.Width < 600,
        });
        return new Restore(browser);
    }

    /// <summary>
    /// Tabs through the page from the top: no positive tabindex (the order is the document's), and every element the
    /// keyboard reaches is on screen when focused and shows a focus ring (an outline or a box shadow).
    /// </summary>
    public static void AssertKeyboardFocus(this Chromium browser, string state, int maxTabs = 60)
    {
        var js = (IJavaScriptExecutor)browser.Driver;
        var positive = js.ExecuteScript("return [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length");
        Assert.True(Convert.ToInt64(positive, CultureInfo.InvariantCulture) == 0, $"positive tabindex on {state}: the tab order is not the document's");
        js.ExecuteScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        var problems = new List<string>();
        var seen = new HashSet<string>();
        for (var i = 0; i < maxTabs; i++)
        {
            new OpenQA.Selenium.Interactions.Actions(browser.Driver).SendKeys(Keys.Tab).Perform();
            var probe = js.ExecuteScript(
                """
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const s = getComputedStyle(el);
                const r = el.getBoundingClientRect();
                const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
                const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.getAttribute('aria-label') || el.textContent || el.name || '').trim().replace(/\s+/g, ' ').slice(0, 30) + '"';
                const key = name + '@' + Math.round(r.top + window.scrollY) + ',' + Math.round(r.left);
                return [key, name, ring, r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight];
                """) as IReadOnlyList<object>;
            if (probe is null || !seen.Add((string)probe[0]))
            {
                break;
            }

            if (!(bool)probe[2])
            {
                problems.Add($"{probe[1]}: no visible focus ring");
            }

            if (!(bool)probe[3])
            {
                problems.Add($"{probe[1]}: focused but not in view");
            }
        }

        Assert.True(seen.Count > 0, $"the keyboard reaches nothing on {state}");
        Assert.True(problems.Count == 0, $"Keyboard focus on {state}:\n- {string.Join("\n- ", problems)}");
    }

    /// <summary>axe, the keyboard (desktop) and the touch targets (phone) on the current page state, at each width: both must pass.</summary>
    public static void Check(this Chromium browser, string state)
    {
        foreach (var size in new[] { Chromium.Desktop, Chromium.Phone })
        {
            using (browser.At(size))
            {
                var label = $"{state} at {size.Width}x{size.Height}";
                browser.AssertAccessible(label);
                if (size.Width < 600)
                {
                    browser.AssertTouchTargets(label);
                }
                else
                {
                    browser.AssertKeyboardFocus(label);
                }
            }
        }
    }

    private sealed class Restore(Chromium browser) : IDisposable
    {
        public void Dispose() => browser.Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);
    }
}

/// <summary>One axe-core rule broken on a page: its id, impact (minor, moderate, serious, critical), help text and the nodes.</summary>
internal sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Nodes);
