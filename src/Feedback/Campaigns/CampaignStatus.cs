namespace CitizenData.Feedback.Campaigns;

public enum CampaignStatus
{
    Draft,
    Open,
    Closed,
}
