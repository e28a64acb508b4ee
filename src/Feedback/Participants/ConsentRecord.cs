namespace CitizenData.Feedback.Participants;

/// <summary>What the resident agreed to and when: the campaign's consent version, in the language it was shown.</summary>
public sealed record ConsentRecord(string Version, string Language, DateTimeOffset AgreedAt);
