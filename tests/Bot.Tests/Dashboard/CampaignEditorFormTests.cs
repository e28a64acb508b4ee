using CitizenData.Bot.Admin.Dashboard;
using CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;
using Microsoft.AspNetCore.Http;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>The campaign editor's form: which rows reach the definition, and which input each API error lands beside.</summary>
public sealed class CampaignEditorFormTests
{
    private static readonly DashboardLocaliser English = new(new DashboardTexts(), new HttpContextAccessor());

    private static EditForm Form() => new()
    {
        Version = 4,
        Status = "open",
        Languages = ["en", "sw"],
        Titles = new() { ["en"] = " Water in Kibera ", ["sw"] = "Maji Kibera", ["fr"] = "L'eau à Kibera" },
        Questions = new() { ["en"] = "What should change?", ["sw"] = "" },
        Themes =
        [
            new() { Key = "water", Names = new() { ["en"] = "Water" }, Remove = true },
            new() { Key = "Bad Key", Names = new() { ["en"] = "Health" }, SeedExamples = "the clinic is closed\r\n\r\n  no nurse on Sundays  " },
            new() { Key = "other", Names = new() { ["en"] = "Other" } },
            new(),
        ],
        Profile =
        [
            new(),
            new()
            {
                Key = "tribe",
                IsMarginalisationFactor = true,
                Prompts = new() { ["en"] = "Which community?", ["sw"] = "Jamii gani?" },
                Purposes = new() { ["en"] = "To see who is left out." },
                Choices = [new() { Value = "a", Labels = new() { ["en"] = "A", ["sw"] = "A" } }, new(), new() { Value = "b", Labels = new() { ["en"] = "B" } }],
            },
        ],
        PrivacyThreshold = "5",
        ReviewThreshold = "0,7",
    };

    [Fact]
    public void Blank_and_removed_rows_stay_out_of_the_definition_and_texts_are_trimmed()
    {
        var read = Form().ToDefinition();
        var definition = read.Definition;

        Assert.Equal(["Bad Key", "other"], definition.Taxonomy!.Select(t => t.Key));
        Assert.Equal(["the clinic is closed", "no nurse on Sundays"], definition.Taxonomy![0].SeedExamples);
        Assert.Equal(["tribe"], definition.ProfileQuestions!.Select(q => q.Key));
        Assert.Equal(["a", "b"], definition.ProfileQuestions![0].Choices!.Select(c => c.Value));
        Assert.Equal("Water in Kibera", definition.Titles!["en"]);
        // A language not offered keeps its text; an empty text is a missing one.
        Assert.Equal("L'eau à Kibera", definition.Titles["fr"]);
        Assert.False(definition.Questions!.ContainsKey("sw"));
        Assert.Equal((5, 0.7, 4L), (definition.PrivacyThreshold, definition.ReviewThreshold, definition.Version));
        Assert.Equal([1, 2], read.ThemeRows);
        Assert.Equal([1], read.ProfileRows);
        Assert.Equal([0, 2], read.ChoiceRows[0]);
    }

    [Fact]
    public void Each_error_lands_beside_the_input_of_its_form_row_and_language()
    {
        var read = Form().ToDefinition();
        var (_, rules) = read.Definition.ToCampaign("kibera-water", 4);

        var errors = EditErrors.Map(rules, read, English);

        Assert.Equal(
            [EditIds.Question("sw"), EditIds.ChoiceLabel(1, 2, "sw"), EditIds.ProfilePurpose(1, "sw"), EditIds.ThemeKey(1)],
            errors.Summary.Select(e => e.Id));
        Assert.Equal("Theme 2, key", errors.Summary[^1].Field);
        Assert.Equal("Profile question 2, choice 3, label in Kiswahili", errors.Summary[1].Field);
        Assert.True(errors.Within(EditIds.Theme(1)));
        Assert.False(errors.Within(EditIds.Theme(2)));
        Assert.Equal("true", errors.Invalid(EditIds.Question("sw")));
        Assert.Null(errors.Invalid(EditIds.Question("en")));
    }

    [Fact]
    public void A_number_that_is_not_a_number_is_reported_not_dropped()
    {
        var form = Form();
        form.PrivacyThreshold = "ten";

        var read = form.ToDefinition();

        Assert.Null(read.Definition.PrivacyThreshold);
        Assert.Equal(["privacyThreshold"], read.Unreadable.Keys);
    }

    [Fact]
    public void The_form_ends_with_one_blank_row_per_list_to_add_one()
    {
        var form = Form();
        form.AddBlankRows();
        form.AddBlankRows();

        Assert.Equal(4, form.Themes.Count);
        Assert.Equal(3, form.Profile.Count);
        Assert.True(form.Profile[^1].IsBlank);
        Assert.Single(form.Profile[^1].Choices);
        Assert.Equal(4, form.Profile[1].Choices.Count);
    }
}
