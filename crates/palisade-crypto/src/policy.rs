//! What a new password must be: 10 to 256 characters after NFKC normalisation, and not
//! guessable (zxcvbn score of at least 3, knowing the user's e-mail and name). No
//! composition rules: they make passwords harder to remember, not to guess (NIST 800-63B).

use secrecy::{ExposeSecret, SecretString};
use unicode_normalization::UnicodeNormalization;

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 256;
pub const MIN_SCORE: u8 = 3;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyViolation {
    #[error("the password must be at least {MIN_CHARS} characters long")]
    TooShort,
    #[error("the password must be at most {MAX_CHARS} characters long")]
    TooLong,
    #[error("the password is too easy to guess{}", advice(.warning, .suggestions))]
    TooGuessable {
        warning: Option<String>,
        suggestions: Vec<String>,
    },
}

fn advice(warning: &Option<String>, suggestions: &[String]) -> String {
    let mut parts: Vec<String> = warning.iter().cloned().collect();
    parts.extend(suggestions.iter().cloned());
    if parts.is_empty() {
        String::new()
    } else {
        format!(": {}", parts.join(" "))
    }
}

/// Checks a new password; `context` holds words the user is known by (e-mail, name).
pub fn check(password: &SecretString, context: &[&str]) -> Result<(), PolicyViolation> {
    let normalized: SecretString =
        SecretString::from(password.expose_secret().nfkc().collect::<String>());
    // The upper bound is on what was sent (so the documented `maxLength` holds exactly); the
    // lower bound on the normalised form, which is what gets hashed and guessed.
    if password.expose_secret().chars().count() > MAX_CHARS {
        return Err(PolicyViolation::TooLong);
    }
    if normalized.expose_secret().chars().count() < MIN_CHARS {
        return Err(PolicyViolation::TooShort);
    }
    let mut words: Vec<&str> = Vec::new();
    for item in context {
        words.push(item);
        words.extend(
            item.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() >= 3),
        );
    }
    let estimate = zxcvbn::zxcvbn(normalized.expose_secret(), &words);
    if u8::from(estimate.score()) >= MIN_SCORE {
        return Ok(());
    }
    let feedback = estimate.feedback();
    Err(PolicyViolation::TooGuessable {
        warning: feedback.and_then(|f| f.warning()).map(|w| w.to_string()),
        suggestions: feedback
            .map(|f| f.suggestions().iter().map(ToString::to_string).collect())
            .unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_str(password: &str, context: &[&str]) -> Result<(), PolicyViolation> {
        check(&SecretString::from(password.to_owned()), context)
    }

    #[test]
    fn a_long_unguessable_password_passes() {
        assert_eq!(check_str("violet-tundra-42-harbor", &[]), Ok(()));
    }

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(check_str("Xk9#mQ2!z", &[]), Err(PolicyViolation::TooShort));
    }

    #[test]
    fn overlong_passwords_are_refused() {
        assert_eq!(
            check_str(&"correct-horse-".repeat(20), &[]),
            Err(PolicyViolation::TooLong)
        );
    }

    #[test]
    fn the_upper_bound_counts_the_characters_sent_not_their_normal_form() {
        // 260 code points that NFKC composes into 130: over the documented maxLength as sent.
        let decomposed = "e\u{301}".repeat(130);
        assert_eq!(check_str(&decomposed, &[]), Err(PolicyViolation::TooLong));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Ten characters, thirty bytes.
        assert!(!matches!(
            check_str("ééééééééé€", &[]),
            Err(PolicyViolation::TooShort)
        ));
    }

    #[test]
    fn common_passwords_are_refused_with_a_reason() {
        for common in ["password123", "qwertyuiop", "1234567890", "iloveyou12"] {
            let err = check_str(common, &[]).unwrap_err();
            assert!(
                matches!(err, PolicyViolation::TooGuessable { .. }),
                "{common}"
            );
            assert!(err
                .to_string()
                .starts_with("the password is too easy to guess"));
        }
    }

    #[test]
    fn passwords_built_from_the_users_own_details_are_refused() {
        // Made-up names that no dictionary knows: only the context can make them guessable.
        let context = ["zyxquor.plimbaxt@example.com", "Zyxquor Plimbaxt"];
        assert_eq!(check_str("zyxquorplimbaxt", &[]), Ok(()));
        let err = check_str("zyxquorplimbaxt", &context).unwrap_err();
        assert!(matches!(err, PolicyViolation::TooGuessable { .. }));
    }

    #[test]
    fn no_composition_rules_apply() {
        // All lower case, no digits or symbols, yet long and unguessable: accepted.
        assert_eq!(check_str("glacier orbit pumpkin lantern", &[]), Ok(()));
    }
}
