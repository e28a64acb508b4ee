namespace CitizenData.Bot.Cli.Demo;

/// <summary>What the simulated residents of the demo say, in the languages the bot ships with.</summary>
internal static class DemoScript
{
    public static readonly IReadOnlyList<(string Language, string Text)> Messages =
    [
        ("en", "The borehole near the market has been broken for three weeks and we buy water at 50 shillings a jerrican."),
        ("en", "There is only one nurse at the health centre and she is not there at night."),
        ("en", "Our children sit on the floor at school because there are no desks."),
        ("en", "The road to the hospital floods every time it rains and matatus refuse to pass."),
        ("en", "Young people here have no jobs, they just sit at the base all day."),
        ("sw", "Maji ya bomba hayatoki tangu wiki iliyopita, tunateka mtoni."),
        ("sw", "Zahanati haina dawa, tunaambiwa tununue nje."),
        ("sw", "Mtaa wetu hauna taa usiku, wezi wanavamia watu."),
        ("sw", "Bei ya unga imepanda sana, familia nyingi zinalala njaa."),
        ("fr", "Les ordures ne sont pas ramassées depuis un mois, ça sent très mauvais dans le quartier."),
        ("fr", "Il n'y a pas de rampe à la mairie, les personnes en fauteuil ne peuvent pas entrer."),
        ("fr", "On attend toujours la distribution promise après les inondations."),
        ("es", "El puesto de salud cierra a las dos de la tarde y no hay médico."),
        ("es", "Los policías piden sobornos en el retén de la entrada del barrio."),
        ("es", "No hay luz desde hace tres días en la colonia."),
        ("hi", "हमारे मोहल्ले में पानी की टंकी दो हफ्ते से खराब है।"),
        ("hi", "school mein teacher aate hi nahi, bachche ghar wapas aa jaate hain"),
        ("ne", "गाउँको बाटो पहिरोले बिग्रियो, अस्पताल जान सकिँदैन।"),
        ("ne", "राशन वितरणमा हाम्रो टोललाई छुटाइयो।"),
    ];
}
