using Leeway.Identity;
using Leeway.Knowledge;
using Leeway.Policy;

namespace Leeway.Humans;

/// <summary>Closing a case with its resolution, which can become knowledge (KCS): a new article or a better version of one.</summary>
internal sealed partial class CaseDesk
{
    public async Task<CaseDeskResult<CloseCaseResponse>> CloseAsync(string caseId, CloseCaseRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var resolution = request.Resolution?.Trim() ?? "";
        if (resolution.Length is 0 or > MaxTextLength)
        {
            errors["resolution"] = [$"A resolution of 1-{MaxTextLength} characters is required: what was wrong and what was done (got {resolution.Length})."];
        }

        var member = await StaffMemberAsync(request.StaffId, errors, cancellationToken);
        Article? improving = null;
        if (!string.IsNullOrWhiteSpace(request.ImproveArticleId))
        {
            improving = await knowledge.GetAsync(request.ImproveArticleId, cancellationToken);
            if (improving is null)
            {
                errors["improve_article_id"] = [$"There is no article '{request.ImproveArticleId}'."];
            }

            if (request.Article is null)
            {
                errors["article"] = [$"Give the improved text in 'article' to improve '{request.ImproveArticleId}'."];
            }
        }

        if (request.Article is { } draft)
        {
            ArticleDrafts.Validate(draft, creating: string.IsNullOrWhiteSpace(request.ImproveArticleId), errors);
            if (improving is not null)
            {
                ArticleDrafts.ValidateImprovement(improving, draft, errors);
            }
        }

        if (errors.Count > 0 || member is null)
        {
            return Refused<CloseCaseResponse>(CaseDeskProblem.Invalid(errors));
        }

        if (request.Article is not null && !StaffRoles.Includes(member.Role, StaffRoles.Lead))
        {
            // Knowledge is what Lee tells every next customer: a lead or an admin writes it. Checked before the case closes.
            return Refused<CloseCaseResponse>(new CaseDeskProblem(
                StatusCodes.Status403Forbidden,
                "Role does not allow this",
                $"Writing or improving a knowledge article is for a lead or an admin; {member.Name} is {member.Role}. Close without an article, or ask a lead."));
        }

        if (improving is not null && request.Article?.BaseVersion is { } baseVersion && baseVersion != improving.Version)
        {
            return Refused<CloseCaseResponse>(new CaseDeskProblem(
                StatusCodes.Status409Conflict,
                "Article changed",
                $"Article '{improving.Id}' is at version {improving.Version} now, not {baseVersion}: someone changed it since you read it. Read it again and redo the edit."));
        }

        var record = await store.GetRecordAsync(caseId, cancellationToken);
        if (record is null)
        {
            return Refused<CloseCaseResponse>(CaseDeskProblem.NotFound(caseId));
        }

        var (_, closedNow) = await store.CloseOnceAsync(caseId, member.Id, resolution, cancellationToken);
        if (!closedNow)
        {
            return Refused<CloseCaseResponse>(CaseDeskProblem.Closed(caseId));
        }

        Article? article = null;
        if (request.Article is { } accepted)
        {
            // KCS: the resolution becomes (or improves) an article, so the next customer with this problem gets the answer from Lee.
            var author = Actor.Human(member.Id).Name;
            article = await knowledge.UpsertAsync(
                improving?.Id,
                string.IsNullOrWhiteSpace(accepted.Title) ? improving!.Title : accepted.Title.Trim(),
                // Only a new article falls back to the resolution: an improvement's body was checked above and is never empty.
                string.IsNullOrWhiteSpace(accepted.Body) ? resolution : accepted.Body.Trim(),
                accepted.RootCauses ?? improving?.RootCauses ?? ArticleDrafts.DiagnosedRootCauses(record.Case),
                author,
                cancellationToken);
            await store.SetArticleAsync(caseId, author, article.Id, improved: improving is not null, cancellationToken);
        }

        return CaseDeskResult<CloseCaseResponse>.Done(new CloseCaseResponse((await DetailAsync(caseId, cancellationToken))!, article));
    }
}
