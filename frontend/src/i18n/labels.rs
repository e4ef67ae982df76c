//! Labels of the shared enums in the current language: Dutch from `koers_shared` (`label()`), English here.

use super::{Taal, taal};
use koers_shared::{Gezondheid, OrganisatieSoort, PlanSoort, PlanStatus, Status};

/// A shared enum with a label for people.
pub trait Label: Copy {
    /// The Dutch label (`koers_shared`).
    fn nl(self) -> &'static str;
    /// The English label.
    fn en(self) -> &'static str;
}

/// The label of `waarde` in the current language.
pub fn label<L: Label>(waarde: L) -> &'static str {
    match taal() {
        Taal::Nl => waarde.nl(),
        Taal::En => waarde.en(),
    }
}

impl Label for Status {
    fn nl(self) -> &'static str {
        self.label()
    }
    fn en(self) -> &'static str {
        match self {
            Status::Gepland => "Planned",
            Status::InUitvoering => "In progress",
            Status::Doorlopend => "Ongoing",
            Status::Afgerond => "Completed",
            Status::Gestopt => "Stopped",
        }
    }
}

impl Label for Gezondheid {
    fn nl(self) -> &'static str {
        self.label()
    }
    fn en(self) -> &'static str {
        match self {
            Gezondheid::OpKoers => "On track",
            Gezondheid::Aandacht => "Needs attention",
            Gezondheid::Risico => "At risk",
        }
    }
}

impl Label for PlanSoort {
    fn nl(self) -> &'static str {
        self.label()
    }
    fn en(self) -> &'static str {
        match self {
            PlanSoort::Actieplan => "Action plan",
            PlanSoort::Uitvoeringsprogramma => "Implementation programme",
            PlanSoort::Uitvoeringsagenda => "Implementation agenda",
            PlanSoort::Jaarplan => "Annual plan",
            PlanSoort::Werkagenda => "Work agenda",
        }
    }
}

impl Label for PlanStatus {
    fn nl(self) -> &'static str {
        self.label()
    }
    fn en(self) -> &'static str {
        match self {
            PlanStatus::Vastgesteld => "Adopted",
            PlanStatus::InUitvoering => "In progress",
            PlanStatus::Afgerond => "Completed",
        }
    }
}

impl Label for OrganisatieSoort {
    fn nl(self) -> &'static str {
        self.label()
    }
    fn en(self) -> &'static str {
        match self {
            OrganisatieSoort::Samenwerkingsverband => "Partnership",
            OrganisatieSoort::Gemeente => "Municipality",
            OrganisatieSoort::Politie => "Police",
            OrganisatieSoort::Justitie => "Justice",
            OrganisatieSoort::Partner => "Partner",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_labels_are_distinct_and_english() {
        let en: Vec<&str> = Status::ALL.iter().map(|s| s.en()).collect();
        assert_eq!(en, ["Planned", "In progress", "Ongoing", "Completed", "Stopped"]);
        assert_eq!(Gezondheid::Risico.en(), "At risk");
        assert_eq!(Gezondheid::Risico.nl(), "Risico");
        assert_eq!(PlanSoort::Jaarplan.en(), "Annual plan");
    }
}
