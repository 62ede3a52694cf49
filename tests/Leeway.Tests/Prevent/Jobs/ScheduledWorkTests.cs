using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Leeway.Prevent;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Prevent.Jobs;

/// <summary>Scheduled work runs on the injected clock, exactly once, and picks up what failed once it is due again.</summary>
public sealed class ScheduledWorkTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly FakeTimeProvider _clock = PreventHost.NewClock();
    private readonly CountingRunner _runner = new();

    [Fact]
    public async Task RunsEachJobOnceWhenTheInjectedClockReachesIt()
    {
        await using var host = await StartAsync();
        var jobs = host.Service<JobQueue>();
        var work = host.Service<IScheduledWork>();
        var now = _clock.GetUtcNow();
        Assert.True(await jobs.ScheduleAsync("count:a", CountingRunner.JobKind, "cus_1", "obj_a", now.AddHours(1), null, default));
        Assert.True(await jobs.ScheduleAsync("count:b", CountingRunner.JobKind, "cus_1", "obj_b", now.AddHours(3), null, default));
        // Scheduling the same work again stores nothing new.
        Assert.False(await jobs.ScheduleAsync("count:a", CountingRunner.JobKind, "cus_1", "obj_a", now.AddMinutes(5), null, default));

        await work.RunDueAsync(default);
        Assert.Empty(_runner.Runs);

        _clock.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(work.RunDueAsync(default), work.RunDueAsync(default), work.RunDueAsync(default));
        await work.RunDueAsync(default);
        Assert.Equal(["count:a"], _runner.Runs);

        _clock.Advance(TimeSpan.FromHours(2));
        await work.RunDueAsync(default);
        await work.RunDueAsync(default);
        Assert.Equal(["count:a", "count:b"], _runner.Runs);
        Assert.Equal(JobQueue.Done, (await jobs.ListForObjectAsync("obj_b", default)).Single().Status);
    }

    [Fact]
    public async Task AFailedJobRunsAgainAfterItsBackoff()
    {
        await using var host = await StartAsync();
        var jobs = host.Service<JobQueue>();
        _runner.FailuresLeft = 1;
        await jobs.ScheduleAsync("count:flaky", CountingRunner.JobKind, "cus_1", "obj_flaky", _clock.GetUtcNow(), null, default);

        await host.Service<IScheduledWork>().RunDueAsync(default);
        var afterFailure = (await jobs.ListForObjectAsync("obj_flaky", default)).Single();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await host.Service<IScheduledWork>().RunDueAsync(default);

        Assert.Equal((JobQueue.Pending, _clock.GetUtcNow()), (afterFailure.Status, afterFailure.Job.DueAt));
        Assert.Equal(["count:flaky", "count:flaky"], _runner.Runs);
        Assert.Equal(JobQueue.Done, (await jobs.ListForObjectAsync("obj_flaky", default)).Single().Status);
    }

    [Fact]
    public async Task AnEventWhoseProcessingFailedIsProcessedAgainWhenDue()
    {
        var secret = PreventHost.NewSecret();
        var flaky = new FlakyHandler();
        await using var host = await PreventHost.StartAsync(_folder, _clock, secret, beforeStart: app =>
        {
            app.Services.GetRequiredService<WebhookHandlers>().Add(flaky);
            return Task.CompletedTask;
        });
        var payload = WebhookSigner.Event("evt_flaky", FlakyHandler.EventType, new JsonObject { ["id"] = "in_1", ["object"] = "invoice" }, _clock.GetUtcNow());

        using var response = await WebhookSigner.PostAsync(host.Http, payload, WebhookSigner.Header(payload, secret, _clock.GetUtcNow()));
        await host.Service<IScheduledWork>().RunDueAsync(default);
        var beforeDue = await host.Inbox.StatusAsync("evt_flaky", default);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await host.Service<IScheduledWork>().RunDueAsync(default);

        Assert.Equal(WebhookInbox.Failed, beforeDue!.Status);
        Assert.Equal(2, flaky.Calls);
        var after = await host.Inbox.StatusAsync("evt_flaky", default);
        Assert.Equal((WebhookInbox.Processed, 2), (after!.Status, after.Attempts));
    }

    public void Dispose() => _folder.Dispose();

    private Task<PreventHost> StartAsync() =>
        PreventHost.StartAsync(_folder, _clock, PreventHost.NewSecret(), beforeStart: app =>
        {
            app.Services.GetRequiredService<JobRunners>().Add(_runner);
            return Task.CompletedTask;
        });

    private sealed class CountingRunner : IJobRunner
    {
        public const string JobKind = "test.count";

        private readonly ConcurrentQueue<string> _runs = new();

        public int FailuresLeft { get; set; }

        public IReadOnlyList<string> Runs => [.. _runs];

        public string Kind => JobKind;

        public Task<string> RunAsync(ScheduledJob job, CancellationToken cancellationToken)
        {
            _runs.Enqueue(job.Key);
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("not yet");
            }

            return Task.FromResult("counted");
        }
    }

    private sealed class FlakyHandler : IWebhookHandler
    {
        public const string EventType = "test.flaky";

        public int Calls { get; private set; }

        public IReadOnlyCollection<string> EventTypes => [EventType];

        public Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
        {
            Calls++;
            return Calls == 1 ? throw new InvalidOperationException("first time fails") : Task.CompletedTask;
        }
    }
}
