using SigmaNex.Core;

namespace SigmaNex.Cli;

/// <summary>0 ok, 1 failed, 2 bad usage or input, 130 interrupted.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;

    public static int For(SigmaErrorKind kind) => kind switch
    {
        SigmaErrorKind.InvalidInput or SigmaErrorKind.Configuration or SigmaErrorKind.NotFound or SigmaErrorKind.Refused => Usage,
        _ => Failed,
    };
}
