//! The wire formats a provider's server speaks and the protocol families a provider publishes, as the schema
//! language spells them (`formats: [json, xml]`, `protocol: webapi`) and the runtime's registry reports them.

spelled! {
    /// A wire format a provider's server speaks.
    pub enum Format {
        Json = "json",
        Xml = "xml",
        Form = "form",
        Bson = "bson",
    }
}

spelled! {
    /// The family of API a provider publishes; it decides envelopes, signing and null handling.
    pub enum Protocol {
        /// ASP.NET Web API (Help Page documents).
        WebApi = "webapi",
        /// Taobao Open Platform.
        Top = "top",
    }
}

impl Protocol {
    /// Whether the provider's XML is DataContractSerializer's, so its structs carry contract namespaces and derive
    /// `DataContract`; TOP's XML is its own response envelope.
    pub fn uses_data_contract(self, formats: &[Format]) -> bool {
        self == Protocol::WebApi && formats.contains(&Format::Xml)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        for protocol in Protocol::ALL {
            assert_eq!(Protocol::from_name(protocol.name()), Some(protocol));
        }
        assert_eq!(
            Format::ALL.map(Format::name),
            ["json", "xml", "form", "bson"]
        );
        assert_eq!(Protocol::ALL.map(Protocol::name), ["webapi", "top"]);
        assert_eq!(Format::from_name("JSON"), None);
    }

    #[test]
    fn only_web_api_xml_is_data_contract() {
        assert!(Protocol::WebApi.uses_data_contract(&[Format::Json, Format::Xml]));
        assert!(!Protocol::WebApi.uses_data_contract(&[Format::Json]));
        assert!(!Protocol::Top.uses_data_contract(&[Format::Xml]));
    }
}
