namespace ActionBot.Core.Ports;

/// <summary>
/// The tracker may or may not have applied a write: its answer was lost (a server error, a dropped connection, a
/// time-out after the request was sent). Writing again blindly could apply it twice: look for what it wrote first.
/// </summary>
public sealed class UncertainWriteException : Exception
{
    public UncertainWriteException()
    {
    }

    public UncertainWriteException(string message)
        : base(message)
    {
    }

    public UncertainWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
