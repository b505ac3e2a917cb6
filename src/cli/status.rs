//! How a command ends: done, or the status it stopped with, which is the process's exit code.

use std::process::ExitCode;

/// How a command ended, and so the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done (exit 0).
    Ok,
    /// The evidence has errors (exit 1).
    Invalid,
    /// The command could not run: bad usage, a file that cannot be read or written (exit 2).
    Failed,
}

/// What a command gives back: done, or the [`Status`] it stopped with (never [`Status::Ok`]).
pub(super) type Outcome = Result<(), Status>;

impl Status {
    /// This status as a command's outcome.
    pub(super) fn outcome(self) -> Outcome {
        match self {
            Status::Ok => Ok(()),
            failed => Err(failed),
        }
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(match status {
            Status::Ok => 0,
            Status::Invalid => 1,
            Status::Failed => 2,
        })
    }
}
