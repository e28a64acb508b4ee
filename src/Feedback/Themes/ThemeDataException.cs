namespace CitizenData.Feedback.Themes;

/// <summary>A file of labelled examples could not be read; the message names the file and line.</summary>
public sealed class ThemeDataException : Exception
{
    public ThemeDataException()
    {
    }

    public ThemeDataException(string message) : base(message)
    {
    }

    public ThemeDataException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
