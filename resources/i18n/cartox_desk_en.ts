<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AssessmentWizard</name>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Cannot be assessed… (C)</source>
        <translation>Cannot be assessed… (C)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>◂ Back (Backspace)</source>
        <translation>◂ Back (Backspace)</translation>
    </message>
    <message>
        <source>Next ▸ (Enter)</source>
        <translation>Next ▸ (Enter)</translation>
    </message>
    <message>
        <source>Ask: “%1”</source>
        <translation>Ask: “%1”</translation>
    </message>
    <message>
        <source>(not set: enter it in Settings)</source>
        <translation>(not set: enter it in Settings)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Ask each question; 1 = correct, 0 = wrong.</source>
        <translation>Ask each question; 1 = correct, 0 = wrong.</translation>
    </message>
    <message>
        <source>What year is it?</source>
        <translation>What year is it?</translation>
    </message>
    <message>
        <source>What month is it?</source>
        <translation>What month is it?</translation>
    </message>
    <message>
        <source>What city are we in?</source>
        <translation>What city are we in?</translation>
    </message>
    <message>
        <source>(answer: %1)</source>
        <translation>(answer: %1)</translation>
    </message>
    <message>
        <source>What is the name of this hospital?</source>
        <translation>What is the name of this hospital?</translation>
    </message>
    <message>
        <source>clock</source>
        <translation>clock</translation>
    </message>
    <message>
        <source>pen</source>
        <translation>pen</translation>
    </message>
    <message>
        <source>button</source>
        <translation>button</translation>
    </message>
    <message>
        <source>Naming</source>
        <translation>Naming</translation>
    </message>
    <message>
        <source>Point to each picture and ask: “What is this?”</source>
        <translation>Point to each picture and ask: “What is this?”</translation>
    </message>
    <message>
        <source>Following commands</source>
        <translation>Following commands</translation>
    </message>
    <message>
        <source>Ask the patient to follow a command:</source>
        <translation>Ask the patient to follow a command:</translation>
    </message>
    <message>
        <source>“Show me 2 fingers” or “Close your eyes and stick out your tongue”</source>
        <translation>“Show me 2 fingers” or “Close your eyes and stick out your tongue”</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Writing</translation>
    </message>
    <message>
        <source>Ask the patient to write this standard sentence:</source>
        <translation>Ask the patient to write this standard sentence:</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Ask the patient to count backwards from 100 by 10:</source>
        <translation>Ask the patient to count backwards from 100 by 10:</translation>
    </message>
    <message>
        <source>100, 90, 80, 70, 60, 50, 40, 30, 20, 10</source>
        <translation>100, 90, 80, 70, 60, 50, 40, 30, 20, 10</translation>
    </message>
    <message>
        <source>Developmental anchor:</source>
        <translation>Developmental anchor:</translation>
    </message>
    <message>
        <source>awake but cannot speak or understand (global aphasia)</source>
        <translation>awake but cannot speak or understand (global aphasia)</translation>
    </message>
    <message>
        <source>cannot be roused (unarousable)</source>
        <translation>cannot be roused (unarousable)</translation>
    </message>
    <message>
        <source>sedated: record as not assessed, no score</source>
        <translation>sedated: record as not assessed, no score</translation>
    </message>
    <message>
        <source>cannot be roused</source>
        <translation>cannot be roused</translation>
    </message>
    <message>
        <source>Cannot be assessed</source>
        <translation>Cannot be assessed</translation>
    </message>
    <message>
        <source>Why can the assessment not be done?</source>
        <translation>Why can the assessment not be done?</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>Level of consciousness</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>Seizure</translation>
    </message>
    <message>
        <source>Any seizure since the last assessment?</source>
        <translation>Any seizure since the last assessment?</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>Motor findings</translation>
    </message>
    <message>
        <source>Deep focal motor weakness (hemiparesis, paraparesis)?</source>
        <translation>Deep focal motor weakness (hemiparesis, paraparesis)?</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>Raised ICP / cerebral edema</translation>
    </message>
    <message>
        <source>Signs of raised intracranial pressure or cerebral edema?</source>
        <translation>Signs of raised intracranial pressure or cerebral edema?</translation>
    </message>
    <message>
        <source>Finish ✓ (Enter)</source>
        <translation>Finish ✓ (Enter)</translation>
    </message>
    <message>
        <source>Answer every item first, or choose “Cannot be assessed” (C).</source>
        <translation>Answer every item first, or choose “Cannot be assessed” (C).</translation>
    </message>
    <message>
        <source>%1 not assessed (sedated): no score</source>
        <translation>%1 not assessed (sedated): no score</translation>
    </message>
    <message>
        <source>ICE cannot be done: aphasia (awake)</source>
        <translation>ICE cannot be done: aphasia (awake)</translation>
    </message>
    <message>
        <source>%1 cannot be done: cannot be roused</source>
        <translation>%1 cannot be done: cannot be roused</translation>
    </message>
    <message>
        <source>no signs of raised ICP</source>
        <translation>no signs of raised ICP</translation>
    </message>
    <message>
        <source>ICANS not assessed</source>
        <translation>ICANS not assessed</translation>
    </message>
    <message>
        <source>%1 from baseline (%2)</source>
        <translation>%1 from baseline (%2)</translation>
    </message>
    <message>
        <source>%1 from the previous assessment (%2)</source>
        <translation>%1 from the previous assessment (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>no score</translation>
    </message>
    <message>
        <source>running total %1 / %2 so far</source>
        <translation>running total %1 / %2 so far</translation>
    </message>
</context>
<context>
    <name>BinaryItemsStep</name>
    <message>
        <source>[1] correct</source>
        <translation>[1] correct</translation>
    </message>
    <message>
        <source>[0] wrong</source>
        <translation>[0] wrong</translation>
    </message>
</context>
<context>
    <name>CapdItems</name>
    <message>
        <source>Does the child make eye contact with the caregiver?</source>
        <translation>Does the child make eye contact with the caregiver?</translation>
    </message>
    <message>
        <source>Are the child&apos;s actions purposeful?</source>
        <translation>Are the child&apos;s actions purposeful?</translation>
    </message>
    <message>
        <source>Is the child aware of his/her surroundings?</source>
        <translation>Is the child aware of his/her surroundings?</translation>
    </message>
    <message>
        <source>Does the child communicate needs and wants?</source>
        <translation>Does the child communicate needs and wants?</translation>
    </message>
    <message>
        <source>Is the child restless?</source>
        <translation>Is the child restless?</translation>
    </message>
    <message>
        <source>Is the child inconsolable?</source>
        <translation>Is the child inconsolable?</translation>
    </message>
    <message>
        <source>Is the child underactive — very little movement while awake?</source>
        <translation>Is the child underactive — very little movement while awake?</translation>
    </message>
    <message>
        <source>Does it take the child a long time to respond to interactions?</source>
        <translation>Does it take the child a long time to respond to interactions?</translation>
    </message>
    <message>
        <source>eye contact</source>
        <translation>eye contact</translation>
    </message>
    <message>
        <source>purposeful actions</source>
        <translation>purposeful actions</translation>
    </message>
    <message>
        <source>aware of surroundings</source>
        <translation>aware of surroundings</translation>
    </message>
    <message>
        <source>communicates needs and wants</source>
        <translation>communicates needs and wants</translation>
    </message>
    <message>
        <source>restless</source>
        <translation>restless</translation>
    </message>
    <message>
        <source>inconsolable</source>
        <translation>inconsolable</translation>
    </message>
    <message>
        <source>underactive</source>
        <translation>underactive</translation>
    </message>
    <message>
        <source>slow to respond</source>
        <translation>slow to respond</translation>
    </message>
    <message>
        <source>newborn</source>
        <translation>newborn</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 weeks</translation>
    </message>
    <message>
        <source>6 weeks</source>
        <translation>6 weeks</translation>
    </message>
    <message>
        <source>8 weeks</source>
        <translation>8 weeks</translation>
    </message>
    <message>
        <source>28 weeks</source>
        <translation>28 weeks</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>2 years</source>
        <translation>2 years</translation>
    </message>
    <message>
        <source>[placeholder] anchor text from the CAPD worksheet for this age (%1)</source>
        <translation>[placeholder] anchor text from the CAPD worksheet for this age (%1)</translation>
    </message>
</context>
<context>
    <name>GradeBadge</name>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>grade %1</translation>
    </message>
</context>
<context>
    <name>GradePanel</name>
    <message>
        <source>CRS</source>
        <translation>CRS</translation>
    </message>
    <message>
        <source>ICANS</source>
        <translation>ICANS</translation>
    </message>
    <message>
        <source>Vital signs and support (CRS)</source>
        <translation>Vital signs and support (CRS)</translation>
    </message>
    <message>
        <source>Highest temperature (°F)</source>
        <translation>Highest temperature (°F)</translation>
    </message>
    <message>
        <source>Highest temperature (°C)</source>
        <translation>Highest temperature (°C)</translation>
    </message>
    <message>
        <source>Add vasopressor</source>
        <translation>Add vasopressor</translation>
    </message>
    <message>
        <source>Add a vasopressor infusion (Alt+A)</source>
        <translation>Add a vasopressor infusion (Alt+A)</translation>
    </message>
    <message>
        <source>Vasopressors</source>
        <translation>Vasopressors</translation>
    </message>
    <message>
        <source>NE-equivalent</source>
        <translation>NE-equivalent</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Oxygen device</source>
        <translation>Oxygen device</translation>
    </message>
    <message>
        <source>Oxygen flow (L/min)</source>
        <translation>Oxygen flow (L/min)</translation>
    </message>
    <message>
        <source>Fever masked</source>
        <translation>Fever masked</translation>
    </message>
    <message>
        <source>age cannot be negative</source>
        <translation>age cannot be negative</translation>
    </message>
    <message>
        <source>years</source>
        <translation>years</translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation>Age (years)</translation>
    </message>
    <message>
        <source>antipyretic, tocilizumab or steroid given after CRS began: fever no longer required</source>
        <translation>antipyretic, tocilizumab or steroid given after CRS began: fever no longer required</translation>
    </message>
    <message>
        <source>Lowest systolic BP (mmHg)</source>
        <translation>Lowest systolic BP (mmHg)</translation>
    </message>
    <message>
        <source>Hypotension</source>
        <translation>Hypotension</translation>
    </message>
    <message>
        <source>not attributable to another cause</source>
        <translation>not attributable to another cause</translation>
    </message>
    <message>
        <source>Oxygen for comfort only</source>
        <translation>Oxygen for comfort only</translation>
    </message>
    <message>
        <source>given without hypoxia: charted, not graded</source>
        <translation>given without hypoxia: charted, not graded</translation>
    </message>
    <message>
        <source>Neurological assessment (ICANS)</source>
        <translation>Neurological assessment (ICANS)</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>not done</translation>
    </message>
    <message>
        <source>ICE score</source>
        <translation>ICE score</translation>
    </message>
    <message>
        <source>ICE cannot be done: aphasia (awake)</source>
        <translation>ICE cannot be done: aphasia (awake)</translation>
    </message>
    <message>
        <source>ICE cannot be done: unarousable</source>
        <translation>ICE cannot be done: unarousable</translation>
    </message>
    <message>
        <source>CAPD (children ≤ 12 y)</source>
        <translation>CAPD (children ≤ 12 y)</translation>
    </message>
    <message>
        <source>CAPD cannot be done: cannot be roused</source>
        <translation>CAPD cannot be done: cannot be roused</translation>
    </message>
    <message>
        <source>Encephalopathy</source>
        <translation>Encephalopathy</translation>
    </message>
    <message>
        <source>Orientation (0-4)</source>
        <translation>Orientation (0-4)</translation>
    </message>
    <message>
        <source>Naming (0-3)</source>
        <translation>Naming (0-3)</translation>
    </message>
    <message>
        <source>Following commands (0-1)</source>
        <translation>Following commands (0-1)</translation>
    </message>
    <message>
        <source>Writing (0-1)</source>
        <translation>Writing (0-1)</translation>
    </message>
    <message>
        <source>Attention (0-1)</source>
        <translation>Attention (0-1)</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>Level of consciousness</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>Seizure</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>Motor findings</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral edema</source>
        <translation>Raised ICP / cerebral edema</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>Systolic BP</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Oxygen flow</source>
        <translation>Oxygen flow</translation>
    </message>
    <message>
        <source>ICE incomplete: %1 of 5 items entered</source>
        <translation>ICE incomplete: %1 of 5 items entered</translation>
    </message>
    <message>
        <source>CAPD incomplete: %1 of 8 answers entered</source>
        <translation>CAPD incomplete: %1 of 8 answers entered</translation>
    </message>
    <message>
        <source>Not graded: correct the marked field(s).</source>
        <translation>Not graded: correct the marked field(s).</translation>
    </message>
    <message>
        <source>No systolic threshold is set for infants under 1 year: judge clinically.</source>
        <translation>No systolic threshold is set for infants under 1 year: judge clinically.</translation>
    </message>
    <message>
        <source>Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick to confirm</source>
        <translation>Systolic %1 mmHg is below %2 mmHg for this age: hypotension? Tick to confirm</translation>
    </message>
    <message>
        <source>Child aged 12 or under: CAPD is proposed instead of ICE (ICE if able).</source>
        <translation>Child aged 12 or under: CAPD is proposed instead of ICE (ICE if able).</translation>
    </message>
    <message>
        <source>no criterion met</source>
        <translation>no criterion met</translation>
    </message>
    <message>
        <source>Not assessed: no ICE / CAPD recorded.</source>
        <translation>Not assessed: no ICE / CAPD recorded.</translation>
    </message>
    <message>
        <source>no vasopressor</source>
        <translation>no vasopressor</translation>
    </message>
    <message>
        <source>enter the weight to convert per-kg doses</source>
        <translation>enter the weight to convert per-kg doses</translation>
    </message>
    <message>
        <source>%1 µg/min</source>
        <translation>%1 µg/min</translation>
    </message>
    <message>
        <source>(high-dose vasopressors)</source>
        <translation>(high-dose vasopressors)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>cartox_desk — CRS / ICANS grading</source>
        <translation>cartox_desk — CRS / ICANS grading</translation>
    </message>
    <message>
        <source>&amp;Assess</source>
        <translation>&amp;Assess</translation>
    </message>
    <message>
        <source>ICE assessment…</source>
        <translation>ICE assessment…</translation>
    </message>
    <message>
        <source>ICE assessment (Ctrl+I)</source>
        <translation>ICE assessment (Ctrl+I)</translation>
    </message>
    <message>
        <source>CAPD assessment (children)…</source>
        <translation>CAPD assessment (children)…</translation>
    </message>
    <message>
        <source>CAPD assessment (Ctrl+Shift+I)</source>
        <translation>CAPD assessment (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>Clear the form</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Ward settings (Ctrl+,)</source>
        <translation>Ward settings (Ctrl+,)</translation>
    </message>
    <message>
        <source>Grades follow ASTCT-2019 as adopted by CSCO-2024. Advice for clinicians, never orders.</source>
        <translation>Grades follow ASTCT-2019 as adopted by CSCO-2024. Advice for clinicians, never orders.</translation>
    </message>
</context>
<context>
    <name>MultiCheckStep</name>
    <message>
        <source>Press the number of each sign present; N = none. Enter when done.</source>
        <translation>Press the number of each sign present; N = none. Enter when done.</translation>
    </message>
    <message>
        <source>[N]  none of these</source>
        <translation>[N]  none of these</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>“%1” is not a number</source>
        <translation>“%1” is not a number</translation>
    </message>
</context>
<context>
    <name>RangeCheck</name>
    <message>
        <source>%1 is outside the accepted range %2</source>
        <translation>%1 is outside the accepted range %2</translation>
    </message>
    <message>
        <source>a dose must be greater than 0</source>
        <translation>a dose must be greater than 0</translation>
    </message>
</context>
<context>
    <name>ResultStep</name>
    <message>
        <source>ICANS</source>
        <translation>ICANS</translation>
    </message>
    <message>
        <source>ICANS grade</source>
        <translation>ICANS grade</translation>
    </message>
    <message>
        <source>Enter = finish and hand over for saving · Backspace = back</source>
        <translation>Enter = finish and hand over for saving · Backspace = back</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Hospital name (ICE orientation)</source>
        <translation>Hospital name (ICE orientation)</translation>
    </message>
    <message>
        <source>City (ICE orientation)</source>
        <translation>City (ICE orientation)</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <source>Temperature unit</source>
        <translation>Temperature unit</translation>
    </message>
    <message>
        <source>China (10^9/L, g/L, µmol/L)</source>
        <translation>China (10^9/L, g/L, µmol/L)</translation>
    </message>
    <message>
        <source>US (10^3/µL, g/dL, mg/dL)</source>
        <translation>US (10^3/µL, g/dL, mg/dL)</translation>
    </message>
    <message>
        <source>Laboratory units</source>
        <translation>Laboratory units</translation>
    </message>
    <message>
        <source>ICE writing sentence (Chinese)</source>
        <translation>ICE writing sentence (Chinese)</translation>
    </message>
    <message>
        <source>ICE writing sentence (English)</source>
        <translation>ICE writing sentence (English)</translation>
    </message>
    <message>
        <source>ICE / CAPD schedule (clinical-rules §6)</source>
        <translation>ICE / CAPD schedule (clinical-rules §6)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Routine interval</source>
        <translation>Routine interval</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>for</source>
        <translation>for</translation>
    </message>
    <message>
        <source>After any drop: every</source>
        <translation>After any drop: every</translation>
    </message>
    <message>
        <source>Then every</source>
        <translation>Then every</translation>
    </message>
    <message>
        <source>Until back to baseline for</source>
        <translation>Until back to baseline for</translation>
    </message>
    <message>
        <source>Hypotension proposal (clinical-rules §1 rule 8)</source>
        <translation>Hypotension proposal (clinical-rules §1 rule 8)</translation>
    </message>
    <message>
        <source>Adults: systolic below</source>
        <translation>Adults: systolic below</translation>
    </message>
    <message>
        <source>× age in years (ages 1-10)</source>
        <translation>× age in years (ages 1-10)</translation>
    </message>
    <message>
        <source>Children: systolic below</source>
        <translation>Children: systolic below</translation>
    </message>
</context>
<context>
    <name>T</name>
    <message>
        <source>anti-IL</source>
        <translation>anti-IL</translation>
    </message>
    <message>
        <source>steroid</source>
        <translation>steroid</translation>
    </message>
    <message>
        <source>support</source>
        <translation>support</translation>
    </message>
    <message>
        <source>mmHg · /min</source>
        <translation>mmHg · /min</translation>
    </message>
    <message>
        <source>NE-eq. µg/min</source>
        <translation>NE-eq. µg/min</translation>
    </message>
    <message>
        <source>no vasopressor</source>
        <translation>no vasopressor</translation>
    </message>
    <message>
        <source>SpO2 %</source>
        <translation>SpO2 %</translation>
    </message>
    <message>
        <source>O2 support</source>
        <translation>O2 support</translation>
    </message>
    <message>
        <source>flow not recorded</source>
        <translation>flow not recorded</translation>
    </message>
    <message>
        <source>for comfort (not graded)</source>
        <translation>for comfort (not graded)</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>log scale</translation>
    </message>
    <message>
        <source>counts (log)</source>
        <translation>counts (log)</translation>
    </message>
    <message>
        <source>{anc} {n}/µL (ICAHT)</source>
        <translation>{anc} {n}/µL (ICAHT)</translation>
    </message>
    <message>
        <source>ICANS</source>
        <translation>ICANS</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>CRS</translation>
    </message>
    <message>
        <source>ICE</source>
        <translation>ICE</translation>
    </message>
    <message>
        <source>CAPD</source>
        <translation>CAPD</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>room air</source>
        <translation>room air</translation>
    </message>
    <message>
        <source>blow-by</source>
        <translation>blow-by</translation>
    </message>
    <message>
        <source>nasal cannula</source>
        <translation>nasal cannula</translation>
    </message>
    <message>
        <source>face mask</source>
        <translation>face mask</translation>
    </message>
    <message>
        <source>non-rebreather</source>
        <translation>non-rebreather</translation>
    </message>
    <message>
        <source>Venturi mask</source>
        <translation>Venturi mask</translation>
    </message>
    <message>
        <source>CPAP</source>
        <translation>CPAP</translation>
    </message>
    <message>
        <source>BiPAP</source>
        <translation>BiPAP</translation>
    </message>
    <message>
        <source>mechanical ventilation</source>
        <translation>mechanical ventilation</translation>
    </message>
    <message>
        <source>norepinephrine</source>
        <translation>norepinephrine</translation>
    </message>
    <message>
        <source>epinephrine</source>
        <translation>epinephrine</translation>
    </message>
    <message>
        <source>phenylephrine</source>
        <translation>phenylephrine</translation>
    </message>
    <message>
        <source>dopamine</source>
        <translation>dopamine</translation>
    </message>
    <message>
        <source>vasopressin</source>
        <translation>vasopressin</translation>
    </message>
    <message>
        <source>µg/min</source>
        <translation>µg/min</translation>
    </message>
    <message>
        <source>µg/kg/min</source>
        <translation>µg/kg/min</translation>
    </message>
    <message>
        <source>U/min</source>
        <translation>U/min</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alert</translation>
    </message>
    <message>
        <source>awakens spontaneously</source>
        <translation>awakens spontaneously</translation>
    </message>
    <message>
        <source>awakens to voice</source>
        <translation>awakens to voice</translation>
    </message>
    <message>
        <source>awakens only to touch</source>
        <translation>awakens only to touch</translation>
    </message>
    <message>
        <source>unarousable</source>
        <translation>unarousable</translation>
    </message>
    <message>
        <source>no seizure</source>
        <translation>no seizure</translation>
    </message>
    <message>
        <source>seizure, resolved rapidly</source>
        <translation>seizure, resolved rapidly</translation>
    </message>
    <message>
        <source>seizure &gt; 5 min or repetitive</source>
        <translation>seizure &gt; 5 min or repetitive</translation>
    </message>
    <message>
        <source>no focal weakness</source>
        <translation>no focal weakness</translation>
    </message>
    <message>
        <source>deep focal motor weakness (hemiparesis)</source>
        <translation>deep focal motor weakness (hemiparesis)</translation>
    </message>
    <message>
        <source>focal cerebral edema</source>
        <translation>focal cerebral edema</translation>
    </message>
    <message>
        <source>diffuse cerebral edema</source>
        <translation>diffuse cerebral edema</translation>
    </message>
    <message>
        <source>decerebrate or decorticate posturing</source>
        <translation>decerebrate or decorticate posturing</translation>
    </message>
    <message>
        <source>cranial nerve VI palsy</source>
        <translation>cranial nerve VI palsy</translation>
    </message>
    <message>
        <source>papilledema</source>
        <translation>papilledema</translation>
    </message>
    <message>
        <source>Cushing&apos;s triad</source>
        <translation>Cushing&apos;s triad</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>rarely</source>
        <translation>rarely</translation>
    </message>
    <message>
        <source>sometimes</source>
        <translation>sometimes</translation>
    </message>
    <message>
        <source>often</source>
        <translation>often</translation>
    </message>
    <message>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— not recorded —</translation>
    </message>
    <message>
        <source>cytokine release syndrome (CRS)</source>
        <translation>cytokine release syndrome (CRS)</translation>
    </message>
    <message>
        <source>immune effector cell-associated neurotoxicity syndrome (ICANS)</source>
        <translation>immune effector cell-associated neurotoxicity syndrome (ICANS)</translation>
    </message>
</context>
<context>
    <name>TrendChartsWidget</name>
    <message>
        <source>D0</source>
        <translation>D0</translation>
    </message>
    <message>
        <source>D{sign}{n}</source>
        <translation>D{sign}{n}</translation>
    </message>
    <message>
        <source>Days since infusion</source>
        <translation>Days since infusion</translation>
    </message>
    <message>
        <source>D-7 … D+14</source>
        <translation>D-7 … D+14</translation>
    </message>
    <message>
        <source>Lymphodepletion to day +14</source>
        <translation>Lymphodepletion to day +14</translation>
    </message>
    <message>
        <source>D0 … D+30</source>
        <translation>D0 … D+30</translation>
    </message>
    <message>
        <source>Day 0 to day +30</source>
        <translation>Day 0 to day +30</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Everything recorded</source>
        <translation>Everything recorded</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Last 24 h</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>The last 24 hours</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan · legend: show / hide</source>
        <translation>wheel: zoom · drag: pan · legend: show / hide</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>Trends since CAR-T infusion</source>
        <translation>Trends since CAR-T infusion</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>grade {n}</source>
        <translation>grade {n}</translation>
    </message>
    <message>
        <source>CAR-T infusion</source>
        <translation>CAR-T infusion</translation>
    </message>
    <message>
        <source>dose {n} of {of}</source>
        <translation>dose {n} of {of}</translation>
    </message>
    <message>
        <source>aphasia</source>
        <translation>aphasia</translation>
    </message>
    <message>
        <source>unarousable</source>
        <translation>unarousable</translation>
    </message>
    <message>
        <source>Labs on the cytokine panel</source>
        <translation>Labs on the cytokine panel</translation>
    </message>
</context>
<context>
    <name>VasopressorRow</name>
    <message>
        <source>dose</source>
        <translation>dose</translation>
    </message>
    <message>
        <source>Remove this vasopressor</source>
        <translation>Remove this vasopressor</translation>
    </message>
    <message>
        <source>enter the dose</source>
        <translation>enter the dose</translation>
    </message>
</context>
<context>
    <name>WizardDialog</name>
    <message>
        <source>ICE assessment</source>
        <translation>ICE assessment</translation>
    </message>
    <message>
        <source>CAPD assessment</source>
        <translation>CAPD assessment</translation>
    </message>
</context>
</TS>
