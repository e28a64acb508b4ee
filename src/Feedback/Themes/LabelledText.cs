namespace CitizenData.Feedback.Themes;

/// <summary>A text with the theme a person gave it: a seed example, a resident's or reviewer's label, a line of a TSV file.</summary>
public sealed record LabelledText(string Text, string Theme);
